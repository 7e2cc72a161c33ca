# directions.sh's table rows: reads "benchmark score unit" lines of the side before, then of the side
# after, and prints, per benchmark, each side's median fork, their ratio, the unit and every fork.
function median(list,    n, a, i, j, t) {
  n = split(list, a, " ")
  for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function shown(list,    n, a, i, s) {
  n = split(list, a, " ")
  for (i = 1; i <= n; i++) s = s (i > 1 ? ", " : "") sprintf("%.1f", a[i])
  return s
}
FNR == NR { before[$1] = before[$1] " " $2; unit[$1] = $3; next }
{ after[$1] = after[$1] " " $2 }
END {
  for (k in before) if (k in after) {
    b = median(before[k]); a = median(after[k])
    printf "| `%s` | %.1f | %.1f | %.2f | %s | %s | %s |\n", k, b, a, a / b, unit[k], shown(before[k]), shown(after[k])
  }
}
