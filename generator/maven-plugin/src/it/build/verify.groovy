// abierto:build wrote the tiny report, and said so in one summary line.
def site = new File(basedir, 'target/site')
def es = new File(site, 'es/index.html')
assert es.isFile() : "abierto:build wrote no ${es}"
assert es.getText('UTF-8').contains('<h1>Inicio</h1>')
assert new File(site, 'en/index.html').getText('UTF-8').contains('<h1>Home</h1>')
assert new File(site, 'abierto-manifest.json').isFile()
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Built 2 pages (es 1, en 1), 5 files in all → target/site: 0 errors, 0 warnings') : log
return true
