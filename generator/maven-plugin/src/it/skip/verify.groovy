// Each of the three goals said it skipped, and none read the (missing) content or wrote anything.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.count('[INFO] Skipping Abierto (abierto.skip)') == 3 : log
assert !log.contains('no-such-content') : log
assert !log.contains('Serving the site') : log
assert !new File(basedir, 'target').exists()
return true
