;;; emacs-config.el --- Safe Harbor with eglot: the configuration the README gives, loaded as is by the Emacs test.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode :language-id "markdown") . ("safeharbor-language-server" "--stdio"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
