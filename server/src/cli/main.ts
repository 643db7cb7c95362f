// placeholder: the command line (being written)
