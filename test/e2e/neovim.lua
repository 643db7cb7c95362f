-- Neovim end to end (Debian's Neovim 0.7.2, headless), run by test/e2e/neovim.e2e.mjs as
--   nvim --headless -u NONE -c 'luafile test/e2e/neovim.lua'
-- It loads the README's Neovim 0.7 snippet (RESOLINT_E2E_SNIPPET) exactly as a user pastes it,
-- opens a copy of the example draft (RESOLINT_E2E_DRAFT), and writes what the client got as
-- JSON to RESOLINT_E2E_OUT: diagnostics with their codes, one code action applied, hover,
-- document symbols. The Node side asserts on that JSON. Every wait is vim.wait on a condition.
local out_path = assert(os.getenv('RESOLINT_E2E_OUT'), 'RESOLINT_E2E_OUT is not set')
local fix_title = os.getenv('RESOLINT_E2E_FIX_TITLE') or ''
local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }

local function diagnostics_of(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      code = lsp.code or d.code or vim.NIL,
      line = d.lnum + 1,
      column = d.col + 1,
      severity = d.severity,
      message = d.message,
    })
  end
  table.sort(list, function(a, b) return a.line < b.line end)
  return list
end

local function has_code(bufnr, code)
  for _, d in ipairs(diagnostics_of(bufnr)) do
    if d.code == code then return true end
  end
  return false
end

-- The first result of a request to the one client (buf_request_sync answers per client).
local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not responses then return nil, tostring(err) end
  for _, response in pairs(responses) do
    if response.err then return nil, vim.inspect(response.err) end
    return response.result, nil
  end
  return nil, 'no client answered'
end

local function position_params(bufnr, line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
end

-- Hover contents (MarkupContent, MarkedString or a list of them) as plain text.
local function hover_text(contents)
  if type(contents) == 'string' then return contents end
  if type(contents) ~= 'table' then return '' end
  if contents.value then return contents.value end
  local parts = {}
  for _, part in ipairs(contents) do table.insert(parts, hover_text(part)) end
  return table.concat(parts, '\n')
end

-- DocumentSymbol[] (nested) or SymbolInformation[] (flat), flattened with their 1-based lines.
local function flatten_symbols(symbols, depth, into)
  for _, symbol in ipairs(symbols or {}) do
    local range = symbol.range or (symbol.location and symbol.location.range)
    table.insert(into, {
      name = symbol.name,
      kind = symbol.kind,
      depth = depth,
      startLine = range and range.start.line + 1 or vim.NIL,
      endLine = range and range['end'].line + 1 or vim.NIL,
    })
    flatten_symbols(symbol.children, depth + 1, into)
  end
  return into
end

local function run()
  -- What a user's init.lua has besides the snippet: filetype detection on.
  vim.cmd('filetype on')
  vim.cmd('luafile ' .. vim.fn.fnameescape(assert(os.getenv('RESOLINT_E2E_SNIPPET'))))
  vim.cmd('edit ' .. vim.fn.fnameescape(assert(os.getenv('RESOLINT_E2E_DRAFT'))))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype

  local client
  result.attached = vim.wait(15000, function()
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do client = c end
    return client ~= nil and client.server_capabilities ~= nil
  end, 20)
  if not result.attached then error('no language client attached to the draft') end
  local caps = client.server_capabilities
  result.client = client.name
  result.capabilities = {
    codeAction = caps.codeActionProvider and true or false,
    hover = caps.hoverProvider and true or false,
    documentSymbol = caps.documentSymbolProvider and true or false,
  }

  result.diagnosticsArrived = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  result.diagnostics = diagnostics_of(bufnr)

  -- One code action, applied as a user's "vim.lsp.buf.code_action()" + choice would apply it.
  if caps.codeActionProvider then
    local action_result = { title = fix_title }
    result.codeAction = action_result
    -- The line's diagnostics in LSP form, as vim.lsp.buf.code_action() sends them in 0.7.
    local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, 27)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = { start = { line = 27, character = 3 }, ['end'] = { line = 27, character = 3 } },
      context = { diagnostics = line_diagnostics },
    }
    local actions, err = request(bufnr, 'textDocument/codeAction', params)
    action_result.error = err
    action_result.offered = {}
    local chosen
    for _, action in ipairs(actions or {}) do
      table.insert(action_result.offered, action.title)
      if action.title == fix_title then chosen = action end
    end
    if chosen then
      if not chosen.edit and not chosen.command and type(caps.codeActionProvider) == 'table' and caps.codeActionProvider.resolveProvider then
        chosen = request(bufnr, 'codeAction/resolve', chosen) or chosen
      end
      if chosen.edit then
        vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
      end
      if chosen.command then
        local command = type(chosen.command) == 'table' and chosen.command or chosen
        request(bufnr, 'workspace/executeCommand', { command = command.command, arguments = command.arguments })
      end
      action_result.applied = true
      action_result.lineAfter = vim.api.nvim_buf_get_lines(bufnr, 27, 28, false)[1]
      action_result.diagnosticGone = vim.wait(10000, function() return not has_code(bufnr, 'operative-verb') end, 20)
      action_result.diagnosticsAfter = diagnostics_of(bufnr)
    end
  end

  -- Hover: the first of a few places a user would point at that answers.
  if caps.hoverProvider then
    result.hover = { tried = {} }
    local places = {
      { what = 'the opener "Recalling" (line 8)', line = 7, character = 2 },
      { what = 'the opener "Takes note" (line 26)', line = 25, character = 4 },
      { what = 'the footnote mark [^1] (line 10)', line = 9, character = 28 },
      { what = 'the number "1." (line 26)', line = 25, character = 0 },
    }
    for _, place in ipairs(places) do
      local hover, err = request(bufnr, 'textDocument/hover', position_params(bufnr, place.line, place.character))
      local text = hover and hover_text(hover.contents) or ''
      table.insert(result.hover.tried, { what = place.what, error = err, text = text })
      if text ~= '' then
        result.hover.at = place.what
        result.hover.text = text
        break
      end
    end
  end

  if caps.documentSymbolProvider then
    local symbols, err = request(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(bufnr) } })
    result.symbols = { error = err, list = flatten_symbols(symbols, 0, {}) }
  end
end

local ok, err = pcall(run)
result.ok = ok
if not ok then result.error = tostring(err) end
local json = vim.fn.json_encode(result)
local file = assert(io.open(out_path, 'w'))
file:write(json)
file:close()
io.stdout:write(json .. '\n')
for _, client in pairs(vim.lsp.get_active_clients()) do client.stop(true) end
vim.cmd(ok and 'qall!' or 'cquit 3')
