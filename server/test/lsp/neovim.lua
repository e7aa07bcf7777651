-- Drives Neovim's built-in LSP client (0.7+) against the Safe Harbor server; results go to a JSON file.
local server = os.getenv("SAFEHARBOR_SERVER")
local out = os.getenv("SAFEHARBOR_OUT")
local results = { steps = {} }

local function finish(err)
  results.error = err
  vim.fn.writefile({ vim.fn.json_encode(results) }, out)
  vim.cmd("qa!")
end

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { code = d.code, source = d.source, lnum = d.lnum, severity = d.severity, message = d.message })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and tostring(a.code) < tostring(b.code)) end)
  return list
end

local function has_code(bufnr, pred)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if pred(tostring(d.code)) then return d end
  end
  return nil
end

-- Asks the server for code actions on a diagnostic's line and applies the first one `pick` accepts.
local function apply_action(bufnr, diagnostic, pick)
  local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, diagnostic.lnum)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = diagnostic.lnum, character = diagnostic.col }, ["end"] = { line = diagnostic.end_lnum, character = diagnostic.end_col } },
    context = { diagnostics = lsp_diagnostics },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000) or {}
  local titles, chosen = {}, nil
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if chosen == nil and pick(action) then chosen = action end
    end
  end
  if chosen == nil then return nil, titles end
  vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
  return chosen.title, titles
end

local function session()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "safeharbor",
    cmd = { "node", server, "--stdio" },
    root_dir = vim.fn.getcwd(),
    settings = { safeharbor = { enable = true } },
  })
  vim.lsp.buf_attach_client(bufnr, client_id)

  local got = vim.wait(20000, function()
    return has_code(bufnr, function(c) return c == "safeharbor/unused-directive" end) ~= nil
      and has_code(bufnr, function(c) return c:find("^phi/") ~= nil end) ~= nil
  end, 50)
  results.diagnostics = codes(bufnr)
  if not got then error("no diagnostics arrived") end

  -- 1. Remove the unused directive.
  local directive = has_code(bufnr, function(c) return c == "safeharbor/unused-directive" end)
  local title, titles = apply_action(bufnr, directive, function(a) return a.title == "Remove the unused directive" end)
  table.insert(results.steps, { applied = title, offered = titles, lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false) })
  local fresh = vim.wait(10000, function()
    return has_code(bufnr, function(c) return c == "safeharbor/unused-directive" end) == nil
  end, 50)
  if not fresh then error("diagnostics were not updated after the edit") end

  -- 2. Apply the preferred fix of the patient-name finding.
  local name = has_code(bufnr, function(c) return c == "phi/patient-name" end)
  if not name then error("no phi/patient-name diagnostic") end
  title, titles = apply_action(bufnr, name, function(a)
    return a.isPreferred == true and a.diagnostics ~= nil and a.diagnostics[1].code == "phi/patient-name"
  end)
  table.insert(results.steps, { applied = title, offered = titles, lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false) })
  vim.wait(10000, function()
    return has_code(bufnr, function(c) return c == "phi/patient-name" end) == nil
  end, 50)
  results.final = codes(bufnr)
end

-- init.lua runs before the file is loaded: start once Neovim has entered the buffer.
vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = pcall(session)
      finish(ok and vim.NIL or tostring(err))
    end)
  end,
})
