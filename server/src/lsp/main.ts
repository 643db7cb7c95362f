// placeholder: the language server (being written)
