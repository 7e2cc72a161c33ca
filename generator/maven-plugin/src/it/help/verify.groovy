// abierto:help names every goal and, with -Ddetail=true, their parameters and properties.
def log = new File(basedir, 'build.log').getText('UTF-8')
['abierto:build', 'abierto:check', 'abierto:serve', 'abierto:help'].each { goal ->
    assert log.contains(goal) : "abierto:help does not name ${goal}: " + log
}
assert log.contains('User property: abierto.content') : log
assert log.contains('User property: abierto.skip') : log
return true
