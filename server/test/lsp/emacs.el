;;; emacs.el --- Drives eglot (Emacs 28, eglot 1.9) against the Safe Harbor server; results go to a JSON file.
;; Run as: emacs --batch --eval '(package-initialize)' -l emacs.el, with SAFEHARBOR_CONFIG (the README's
;; configuration), SAFEHARBOR_FILE (the document) and SAFEHARBOR_OUT (the results) set, and the
;; safeharbor-language-server command on PATH.
(require 'json)
(require 'eglot)

(defvar safeharbor-results (list (cons 'error nil)))

(defun safeharbor-finish (err)
  "Write the results, with ERR (a string or nil), and leave Emacs."
  (setf (alist-get 'error safeharbor-results) err)
  (with-temp-file (getenv "SAFEHARBOR_OUT")
    (insert (json-encode safeharbor-results)))
  (kill-emacs 0))

(defun safeharbor-diagnostics ()
  "The Flymake diagnostics of the current buffer, as alists for the JSON results."
  (mapcar (lambda (d)
            (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
              (list (cons 'code (plist-get lsp :code))
                    (cons 'source (plist-get lsp :source))
                    (cons 'line (plist-get (plist-get (plist-get lsp :range) :start) :line))
                    (cons 'severity (plist-get lsp :severity))
                    (cons 'type (symbol-name (flymake-diagnostic-type d)))
                    (cons 'text (flymake-diagnostic-text d)))))
          (flymake-diagnostics)))

(defun safeharbor-wait (predicate seconds)
  "Process events until PREDICATE holds or SECONDS pass; return its last value."
  (let ((deadline (+ (float-time) seconds)) (value nil))
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(condition-case err
    (progn
      ;; A machine without markdown-mode (Debian: elpa-markdown-mode) gets the smallest stand-in.
      (unless (require 'markdown-mode nil t)
        (define-derived-mode markdown-mode text-mode "Markdown")
        (add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode)))
      (load (getenv "SAFEHARBOR_CONFIG") nil t)
      (find-file (getenv "SAFEHARBOR_FILE"))
      (setf (alist-get 'mode safeharbor-results) (symbol-name major-mode))
      ;; eglot-ensure connects after the command that opened the file; batch mode runs no commands.
      (run-hooks 'post-command-hook)
      (unless (safeharbor-wait (lambda () (eglot-current-server)) 20)
        (error "eglot did not connect"))
      (setf (alist-get 'server safeharbor-results)
            (plist-get (eglot--server-info (eglot-current-server)) :name))
      ;; Flymake reports on its own timers: poll until the name finding has arrived.
      (safeharbor-wait (lambda ()
                         (flymake-start)
                         (seq-find (lambda (d) (equal (alist-get 'code d) "phi/patient-name"))
                                   (safeharbor-diagnostics)))
                       20)
      (setf (alist-get 'diagnostics safeharbor-results) (vconcat (safeharbor-diagnostics)))
      (eglot-shutdown (eglot-current-server))
      (safeharbor-finish nil))
  (error (safeharbor-finish (error-message-string err))))
