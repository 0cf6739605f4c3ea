-- Headless Neovim (0.7+) as an LSP client of Toetssteen's server over stdio.
-- Run by tests/e2e/neovim.test.ts:
--   TEST_MD=<copy of examples>/rapport.md SERVER_JS=dist/server.js NODE=node \
--     nvim --headless --clean -u tests/e2e/nvim-lsp.lua
-- Neovim 0.7 has no vim.lsp.start: vim.lsp.start_client + buf_attach_client.
-- Prints lines the test reads (DIAG, HOVER, ACTION, LINE, ...); ends with DONE,
-- or FAIL <reason> and exit code 1.
local file = assert(os.getenv('TEST_MD'), 'TEST_MD not set')
local server = assert(os.getenv('SERVER_JS'), 'SERVER_JS not set')
local node = os.getenv('NODE') or 'node'
local function out(s) io.stdout:write(s .. '\n') end
local function fail(msg)
  out('FAIL ' .. msg)
  io.stdout:flush()
  vim.cmd('cquit 1')
end
local function oneline(s) return (tostring(s):gsub('%s+', ' ')) end

local root = vim.fn.fnamemodify(file, ':h')
local client_id = vim.lsp.start_client({
  name = 'toetssteen',
  cmd = { node, server, '--stdio' },
  root_dir = root,
  -- Messages in Dutch, both ways a client can say so: initializationOptions and workspace/configuration.
  init_options = { messages = 'nl' },
  settings = { toetssteen = { messages = 'nl' } },
})
if not client_id then fail('vim.lsp.start_client returned nil') end
out('CLIENT ' .. client_id)

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local function broken_ref()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'structure/broken-reference' then return d end
  end
  return nil
end

if not vim.wait(20000, function() return broken_ref() ~= nil end, 50) then
  out('DIAGS ' .. #vim.diagnostic.get(bufnr))
  fail('no structure/broken-reference diagnostic within 20 s')
end
local client = vim.lsp.get_client_by_id(client_id)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  out(string.format('DIAG %d:%d %s %s %s | %s', d.lnum + 1, d.col + 1, tostring(d.severity), tostring(d.code), tostring(d.source), oneline(d.message)))
end

local d = broken_ref()
local pos = { line = d.lnum, character = d.col + 2 }

-- Hover on the broken reference.
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
  { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = pos }, 5000)
for _, r in pairs(hover or {}) do
  if r.result and r.result.contents then
    local c = r.result.contents
    out('HOVER ' .. oneline(type(c) == 'table' and (c.value or vim.inspect(c)) or c))
  end
end

-- Code actions at the diagnostic; apply Toetssteen's "ignore on this line" fix.
local params = {
  textDocument = vim.lsp.util.make_text_document_params(bufnr),
  range = { start = pos, ['end'] = pos },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) },
}
local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
local applied = false
for _, r in pairs(res or {}) do
  for _, action in ipairs(r.result or {}) do
    out('ACTION ' .. action.title)
    if not applied and action.edit and action.title:find('structure/broken-reference', 1, true) then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      applied = true
    end
  end
end
if not applied then fail('no code action for structure/broken-reference applied') end
vim.cmd('silent write')
out('LINE ' .. vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1])

-- The server sees the edit and drops the diagnostic.
if not vim.wait(10000, function() return broken_ref() == nil end, 50) then
  fail('structure/broken-reference still reported after the fix')
end
out('FIXED ' .. #vim.diagnostic.get(bufnr))

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
out('DONE')
io.stdout:flush()
vim.cmd('qall!')
