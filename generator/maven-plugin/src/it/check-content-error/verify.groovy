// A content error fails the build (MojoFailureException, not MojoExecutionException) with the error
// at its file, line and column, and the summary as the failure's message; check writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] content/es/_index.md:3:8: error: 'order' must be a whole number, not the text 'uno'") : log
assert log.contains(':check (default-cli) on project check-content-error: Check failed: 1 error, 0 warnings') : log
assert log.contains('MAVEN/MojoFailureException') : log
assert !log.contains('MojoExecutionException') : log
assert !log.contains('Exception:') : 'a stack trace: ' + log
assert !new File(basedir, 'target/site').exists()
return true
