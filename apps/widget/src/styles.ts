/** The iframe page's CSS (served inline by the frame route). */
export const WIDGET_CSS = `
*{box-sizing:border-box}html,body{margin:0;height:100%;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;background:#fff}
#app{display:flex;flex-direction:column;height:100%}
header{display:flex;align-items:center;gap:10px;padding:14px 16px}
header .logo{width:32px;height:32px;border-radius:8px;object-fit:cover;background:#fff}
header .title{display:flex;flex-direction:column;flex:1;min-width:0}header .title span{opacity:.85;font-size:13px}
header .x{background:transparent;border:0;color:inherit;font-size:24px;cursor:pointer;line-height:1;padding:4px 8px;border-radius:6px}
header .x:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
.form{padding:16px;display:flex;flex-direction:column;gap:12px;overflow:auto}
.intro{margin:0;color:#374151}
.field{display:flex;flex-direction:column;gap:4px}.field label{font-size:12px;font-weight:600;color:#374151}
input,select,textarea{font:inherit;border:1px solid #d1d5db;border-radius:8px;padding:8px 10px;width:100%}
.consent{display:flex;gap:8px;align-items:flex-start;font-size:12px;color:#4b5563}.consent input{width:auto;margin-top:2px}
.primary{border:0;border-radius:8px;padding:10px;font:inherit;font-weight:600;cursor:pointer}
.chat{display:flex;flex-direction:column;flex:1;min-height:0}
.list{list-style:none;margin:0;padding:12px;flex:1;overflow-y:auto;display:flex;flex-direction:column;gap:6px;background:#f9fafb}
.msg{max-width:80%;align-self:flex-start;background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:8px 10px}
.msg.mine{align-self:flex-end;background:#eef2ff;border-color:#c7d2fe}
.msg .author{display:block;font-size:11px;font-weight:600;color:#6b7280}.msg .body{margin:0;white-space:pre-wrap;word-break:break-word}
.msg .file{display:block;color:#1d4ed8;word-break:break-all}.msg .link{color:#1d4ed8;font-weight:600;text-decoration:underline}.msg .status{display:block;font-size:11px;color:#6b7280;text-align:right}
.typing{min-height:18px;padding:0 12px;font-size:12px;color:#6b7280}.error{padding:0 12px;font-size:12px;color:#b91c1c}
.composer{display:flex;gap:6px;padding:8px;border-top:1px solid #e5e7eb;align-items:flex-end}
.composer .input{resize:none;max-height:120px}
.leadform{max-width:92%;width:92%}.lf{display:flex;flex-direction:column;gap:8px}.lf-title{margin:0;font-weight:600}
.lf fieldset{border:1px solid #e5e7eb;border-radius:8px;padding:8px;display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:0}.lf legend{font-size:12px;font-weight:600;color:#374151}
.lf-menu{display:flex;gap:6px;overflow-x:auto;padding:0 8px}.lf-menu:empty{display:none}.lf-chip{flex:none;border:1px solid #d1d5db;background:#fff;border-radius:999px;padding:4px 10px;font:inherit;font-size:12px;cursor:pointer}.lf-chip:hover{background:#f3f4f6}
.lf-err{margin:0;font-size:12px;color:#b91c1c}.lf-err:empty{display:none}[aria-invalid=true]{border-color:#dc2626}.lf-done{margin:0;color:#047857;font-weight:600}
.icon{border:0;background:transparent;font-size:18px;cursor:pointer;padding:6px 8px;border-radius:8px}.icon:hover{background:#f3f4f6}
`;
