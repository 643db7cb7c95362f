vim.cmd([[autocmd BufRead,BufNewFile *.resolution,*.res.txt,*.res.md set filetype=resolution]])
local resolint_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'resolution',
  callback = function(args)
    resolint_client = resolint_client or vim.lsp.start_client({
      name = 'resolint',
      cmd = { 'resolint-language-server', '--stdio' },
      root_dir = vim.fn.getcwd(),
    })
    vim.lsp.buf_attach_client(args.buf, resolint_client)
  end,
})
