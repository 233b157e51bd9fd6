// An init script, run before the page's own: notes every breach of the
// page's Content-Security-Policy from the first byte on (Tab.violations()).
window.__violations = []
document.addEventListener('securitypolicyviolation', event => window.__violations.push(
  `${event.effectiveDirective} refused ${event.blockedURI || '(none)'} at ${event.sourceFile}:${event.lineNumber}`))
