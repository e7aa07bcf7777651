// Patient stories shown on the home page carousel (fictional).
import type { Story } from "../types";

const heading = "What our patients say";

export const stories: Story[] = [
  {
    slug: "implant-journey",
    patient: "A patient",
    city: "",
    quote: `I lost two teeth to a bike crash in March.
Dr. Owen Castellano placed my implants and I can eat apples again.`,
    image: "/img/stories/rv.jpg",
  },
  {
    slug: "kids-visit",
    quote: 'Our kids actually look forward to their check-ups, they love the prize box!',
  },
  {
    slug: "whitening",
    name: "Jun-seo Albright",
    quote: "My whitening results were great and my migraine meds never got in the way. Call me at 555-0142 if you want to hear more!",
  } satisfies Story,
];

export default { heading, count: stories.length };
