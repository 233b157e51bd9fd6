// Adds an inline script to the page: the policy (no 'unsafe-inline') must
// refuse it. Ends with the directive that refused it, or at once with null if
// the script ran.
text => new Promise(done => {
  document.addEventListener('securitypolicyviolation', event => done(event.effectiveDirective), {once: true})
  const probe = document.createElement('script')
  probe.textContent = text
  document.head.append(probe)
  if (window.__probeRan) done(null)
})
