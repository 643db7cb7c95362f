;;; emacs.el --- Emacs end to end with eglot, in batch mode  -*- lexical-binding: t -*-
;; Run by test/e2e/emacs.e2e.mjs as `emacs --batch -Q -l test/e2e/emacs.el'.  It loads the
;; README's eglot snippet (RESOLINT_E2E_SNIPPET) as a user's init file would, visits a copy of
;; the example draft (RESOLINT_E2E_DRAFT), waits for flymake's diagnostics and writes them as
;; JSON to RESOLINT_E2E_OUT.  The Node side asserts on that JSON.
(require 'json)
(require 'package)

;; With -Q nothing from site-lisp is activated: activate Debian's elpa-eglot, as a normal
;; start does (Emacs 29 and later have eglot built in).
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)

(defvar resolint-e2e-result nil)

(defun resolint-e2e-diagnostics ()
  (mapcar (lambda (d)
            (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                  (cons 'column (save-excursion (goto-char (flymake-diagnostic-beg d)) (1+ (current-column))))
                  (cons 'type (symbol-name (flymake-diagnostic-type d)))
                  (cons 'text (flymake-diagnostic-text d))))
          (sort (flymake-diagnostics)
                (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))

(defun resolint-e2e-run ()
  (load (getenv "RESOLINT_E2E_SNIPPET") nil t)
  (find-file (getenv "RESOLINT_E2E_DRAFT"))
  ;; eglot-ensure connects from post-command-hook, after the command that visited the file;
  ;; batch mode runs no command loop, so run that hook as the loop would.
  (run-hooks 'post-command-hook)
  (let ((deadline (+ (float-time) 30)))
    (while (and (< (float-time) deadline)
                (not (and (bound-and-true-p flymake-mode) (flymake-diagnostics))))
      (accept-process-output nil 0.05)))
  (list (cons 'emacs emacs-version)
        (cons 'eglot (and (featurep 'eglot)
                          (let ((desc (cadr (assq 'eglot package-alist))))
                            (and desc (package-version-join (package-desc-version desc))))))
        (cons 'mode (symbol-name major-mode))
        (cons 'managed (and (bound-and-true-p eglot--managed-mode) t))
        (cons 'server (let ((server (and (fboundp 'eglot-current-server) (eglot-current-server))))
                        (and server (jsonrpc-name server))))
        (cons 'diagnostics (vconcat (resolint-e2e-diagnostics)))))

(let ((status 0))
  (condition-case err
      (setq resolint-e2e-result (resolint-e2e-run))
    (error (setq status 3
                 resolint-e2e-result (list (cons 'error (error-message-string err))))))
  (with-temp-file (getenv "RESOLINT_E2E_OUT")
    (insert (json-encode resolint-e2e-result)))
  (princ (concat (json-encode resolint-e2e-result) "\n"))
  (when (and (fboundp 'eglot-current-server) (get-file-buffer (getenv "RESOLINT_E2E_DRAFT")))
    (with-current-buffer (get-file-buffer (getenv "RESOLINT_E2E_DRAFT"))
      (let ((server (eglot-current-server)))
        (when server (ignore-errors (eglot-shutdown server nil 5))))))
  (kill-emacs status))
