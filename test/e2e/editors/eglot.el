(define-derived-mode resolution-mode text-mode "Resolution")
(add-to-list 'auto-mode-alist '("\\.resolution\\'" . resolution-mode))
(add-to-list 'auto-mode-alist '("\\.res\\.\\(txt\\|md\\)\\'" . resolution-mode))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '(resolution-mode "resolint-language-server" "--stdio")))
(add-hook 'resolution-mode-hook #'eglot-ensure)
