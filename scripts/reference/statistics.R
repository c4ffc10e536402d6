# Reference values for spnet's group-comparison statistics (src/core/statistics),
# computed with R's own functions (stats package). Base R only.
#
# Usage (from the repository root):
#   Rscript scripts/reference/statistics.R > test/fixtures/reference/statistics-r.json
#   npx prettier --write test/fixtures/reference/statistics-r.json
#
# Every number is written with sprintf("%.17g"), which round-trips to the same
# IEEE double, so inputs are bit-identical on both sides and outputs keep full
# precision. NA, NaN and +-Inf are written as null; a test result that spnet
# defines as "undefined" (R: error, NaN or Inf) is written as "result": null,
# with R's own outcome in "r".
#
# The random cases are reproducible: set.seed() below, R 4.2.2's default RNG
# (Mersenne-Twister, Inversion, Rejection).

set.seed(20240611)

# ---- JSON writing ------------------------------------------------------------

num <- function(v) {
  stopifnot(length(v) == 1L)
  if (is.na(v) || !is.finite(v)) "null" else sprintf("%.17g", as.numeric(v))
}
arr <- function(v) paste0("[", paste(vapply(as.list(v), num, ""), collapse = ","), "]")
mat <- function(m) {
  rows <- vapply(seq_len(nrow(m)), function(i) arr(m[i, ]), "")
  paste0("[", paste(rows, collapse = ","), "]")
}
groupsJson <- function(groups) paste0("[", paste(vapply(groups, arr, ""), collapse = ","), "]")
bool <- function(b) if (isTRUE(b)) "true" else "false"
str <- function(s) paste0('"', gsub('"', '\\\\"', s), '"')
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(fields), unlist(fields)), collapse = ","), "}")
}
section <- function(name, items) {
  paste0('"', name, '":[\n', paste(unlist(items), collapse = ",\n"), "\n]")
}
outcome <- function(value) {
  if (is.null(value)) "error" else if (is.nan(value)) "NaN" else if (is.infinite(value)) "Inf" else "finite"
}

# ---- rank ----------------------------------------------------------------------

rankCases <- list(
  c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5),
  c(2, 2, 2),
  c(7),
  numeric(0),
  c(0.3, 0.1 + 0.2, 0, -0, 1e-300, -1e300),
  sample(1:10, 30, replace = TRUE),
  round(rnorm(25), 1)
)
rankItems <- lapply(rankCases, function(x) {
  obj(values = arr(x), ranks = arr(rank(x)), tieSizes = arr(rle(sort(x))$lengths))
})

# ---- quantile ----------------------------------------------------------------

probs <- c(0, 0.1, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 0.9, 0.99, 1)
quantileCases <- c(
  lapply(1:12, function(n) sort(round(rnorm(n, 10, 3), 2))),
  list(
    sort(sample(1:4, 20, replace = TRUE)),
    sort(rexp(57)),
    c(1, 1, 1, 1),
    sort(c(0.1, 0.2, 0.3, 0.1 + 0.2, 1e6, -1e6))
  )
)
quantileItems <- lapply(quantileCases, function(x) {
  obj(sorted = arr(x), probs = arr(probs), quantiles = arr(quantile(x, probs, type = 7, names = FALSE)))
})

# ---- describe ----------------------------------------------------------------

describeCases <- list(
  numeric(0),
  NA_real_,
  c(NA_real_, NA_real_),
  5,
  c(5, NA),
  c(1, 2),
  c(2, 4, 4, 4, 5, 5, 7, 9),
  c(1e6 + 0.1, 1e6 + 0.2, 1e6 + 0.3, NA),
  c(0.1, 0.2, 0.3, 0.1 + 0.2)
)
for (n in c(3, 7, 10, 25, 40, 60)) {
  x <- round(rnorm(n, 50, 15), 1)
  x[sample(n, n %/% 5)] <- NA
  describeCases[[length(describeCases) + 1L]] <- x
}
describeItems <- lapply(describeCases, function(x) {
  v <- x[!is.na(x)]
  n <- length(v)
  q <- if (n > 0) quantile(v, c(0.25, 0.75), names = FALSE) else c(NA, NA)
  obj(
    values = arr(x), n = num(n), missing = num(sum(is.na(x))),
    mean = num(if (n > 0) mean(v) else NA), sd = num(if (n > 1) sd(v) else NA),
    median = num(if (n > 0) median(v) else NA), q1 = num(q[1]), q3 = num(q[2]),
    iqr = num(if (n > 0) IQR(v) else NA),
    min = num(if (n > 0) min(v) else NA), max = num(if (n > 0) max(v) else NA)
  )
})

# ---- Kruskal-Wallis ----------------------------------------------------------

kruskalCase <- function(groups, label) {
  x <- unlist(groups)
  g <- factor(rep(seq_along(groups), lengths(groups)))
  res <- tryCatch(suppressWarnings(kruskal.test(x, g)), error = function(e) NULL)
  stat <- if (is.null(res)) NULL else unname(res$statistic)
  result <- if (is.null(res) || !is.finite(stat)) {
    "null"
  } else {
    obj(statistic = num(stat), df = num(unname(res$parameter)), pValue = num(res$p.value))
  }
  obj(label = str(label), groups = groupsJson(groups), r = str(outcome(stat)), result = result)
}
kruskalItems <- list(
  # ?kruskal.test: Hollander & Wolfe (1973), 116; mucociliary efficiency.
  kruskalCase(list(
    c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0)
  ), "Hollander & Wolfe airway"),
  kruskalCase(list(1, 2), "two singletons"),
  kruskalCase(list(c(1, 4), c(2, 3)), "equal mean ranks"),
  kruskalCase(list(c(1, 2, 3), numeric(0), c(4, 5)), "empty group dropped"),
  kruskalCase(list(c(1, 2, 3), numeric(0)), "one non-empty group"),
  kruskalCase(list(numeric(0), numeric(0)), "no values"),
  kruskalCase(list(c(5, 5), c(5), c(5, 5, 5)), "all identical"),
  kruskalCase(list(c(0.3, 5), c(0.1 + 0.2, 7)), "equal to 15 digits, ranked apart"),
  kruskalCase(list(0.3, 0.1 + 0.2), "all equal to 15 digits"),
  kruskalCase(list(seq(0, 1, by = 0.1), (0:10) / 10, c(0.15, 0.25)), "seq() tenths vs exact tenths"),
  kruskalCase(list(c(1, 1, 2), c(2, 3, 3), c(3, 4, 4, 4)), "small with ties")
)
for (i in 1:60) {
  k <- 2 + (i %% 5)
  maxSize <- c(3, 8, 20, 60)[1 + (i %% 4)]
  sizes <- sample(1:maxSize, k, replace = TRUE)
  tied <- i %% 3 == 0
  groups <- lapply(seq_len(k), function(j) {
    if (tied) sample(1:5, sizes[j], replace = TRUE) + (j %% 2) else round(rnorm(sizes[j], j / 4), 3)
  })
  kruskalItems[[length(kruskalItems) + 1L]] <-
    kruskalCase(groups, sprintf("random %d: k=%d, %s", i, k, if (tied) "ties" else "continuous"))
}
kruskalItems[[length(kruskalItems) + 1L]] <- kruskalCase(
  lapply(1:6, function(j) round(rnorm(60, j), 3)), "six groups of 60, tiny p"
)
kruskalItems[[length(kruskalItems) + 1L]] <- kruskalCase(
  lapply(1:3, function(j) rep(j, 40)), "three constant groups, heavy ties, tiny p"
)

# ---- Wilcoxon rank sum -------------------------------------------------------

wilcoxCase <- function(x, y, label) {
  res <- tryCatch(suppressWarnings(wilcox.test(x, y)), error = function(e) NULL)
  p <- if (is.null(res)) NULL else res$p.value
  result <- if (is.null(res) || !is.finite(p)) {
    "null"
  } else {
    obj(
      statistic = num(unname(res$statistic)), pValue = num(p),
      exact = bool(grepl("exact", res$method, fixed = TRUE))
    )
  }
  obj(label = str(label), x = arr(x), y = arr(y), r = str(outcome(p)), result = result)
}
wilcoxItems <- list(
  # ?wilcox.test: Hollander & Wolfe (1973), 69f.; permeability constants.
  wilcoxCase(
    c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46),
    c(1.15, 0.88, 0.90, 0.74, 1.21), "Hollander & Wolfe permeability"
  ),
  wilcoxCase(1, 2, "1 vs 1"),
  wilcoxCase(2, 1, "1 vs 1 reversed"),
  wilcoxCase(c(1, 2), 3, "2 vs 1"),
  wilcoxCase(c(1, 1), 1, "all identical"),
  wilcoxCase(c(1, 2, 2), c(2, 3), "small with ties"),
  wilcoxCase(c(1, 3, 5, 7), c(2, 4, 6, 8), "interleaved"),
  wilcoxCase(1:49 + 100, 1:49, "49 vs 49 separated, exact tiny p"),
  wilcoxCase(1:60 + 100, 1:60, "60 vs 60 separated, normal tiny p")
)
sizePairs <- list(
  c(1, 5), c(5, 1), c(2, 2), c(3, 4), c(6, 6), c(10, 7), c(15, 20), c(30, 30), c(1, 49),
  c(49, 1), c(49, 49), c(49, 50), c(50, 49), c(50, 50), c(10, 50), c(60, 60), c(1, 60),
  c(35, 48), c(25, 55), c(8, 40)
)
for (i in seq_along(sizePairs)) {
  nx <- sizePairs[[i]][1]
  ny <- sizePairs[[i]][2]
  shift <- c(0, 0.3, 0.8)[1 + (i %% 3)]
  wilcoxItems[[length(wilcoxItems) + 1L]] <-
    wilcoxCase(round(rnorm(nx, shift), 6), round(rnorm(ny), 6), sprintf("continuous %dx%d", nx, ny))
  wilcoxItems[[length(wilcoxItems) + 1L]] <- wilcoxCase(
    sample(1:6, nx, replace = TRUE) + (i %% 2), sample(1:6, ny, replace = TRUE),
    sprintf("ties %dx%d", nx, ny)
  )
}

# ---- Wilcoxon distribution ---------------------------------------------------

pwilcoxItems <- list()
dwilcoxItems <- list()
sizes <- c(1, 2, 3, 5, 10, 29, 30, 31, 49)
for (m in sizes) for (n in sizes) {
  if ((m + n) %% 2 == 1 && m > 5 && n > 5) next
  u <- m * n
  qs <- unique(c(-1, 0, 1, floor(u / 4), floor(u / 2) - 1, floor(u / 2), floor(u / 2) + 1,
                 ceiling(3 * u / 4), u - 1, u, u + 1))
  for (q in qs) {
    pwilcoxItems[[length(pwilcoxItems) + 1L]] <- obj(
      q = num(q), m = num(m), n = num(n),
      lower = num(pwilcox(q, m, n)), upper = num(pwilcox(q, m, n, lower.tail = FALSE))
    )
  }
  ws <- unique(c(0, 1, floor(u / 3), floor(u / 2), u))
  dwilcoxItems[[length(dwilcoxItems) + 1L]] <- obj(
    m = num(m), n = num(n), w = arr(ws), d = arr(dwilcox(ws, m, n))
  )
}

# ---- chi-square test ---------------------------------------------------------

chisqCase <- function(x, label) {
  sr <- rowSums(x)
  sc <- colSums(x)
  reduced <- x[sr > 0, sc > 0, drop = FALSE]
  result <- if (nrow(reduced) < 2 || ncol(reduced) < 2) {
    "null"
  } else {
    res <- suppressWarnings(chisq.test(reduced))
    obj(
      statistic = num(unname(res$statistic)), df = num(unname(res$parameter)),
      pValue = num(res$p.value), expected = mat(unname(res$expected)),
      lowExpected = bool(any(res$expected < 5)),
      yates = bool(grepl("Yates", res$method, fixed = TRUE)),
      droppedRows = arr(which(sr == 0) - 1), droppedColumns = arr(which(sc == 0) - 1)
    )
  }
  obj(label = str(label), table = mat(x), result = result)
}
chisqItems <- list(
  # ?chisq.test: Agresti (2007) p. 39, gender and party identification.
  chisqCase(rbind(c(762, 327, 468), c(484, 239, 477)), "Agresti party identification"),
  chisqCase(rbind(c(1, 1), c(1, 1)), "2x2 O = E, no correction"),
  chisqCase(rbind(c(3, 1), c(1, 3)), "tea tasting 2x2"),
  chisqCase(rbind(c(10, 0), c(0, 10)), "2x2 zero cells"),
  chisqCase(rbind(c(12, 5), c(7, 9)), "2x2 moderate"),
  chisqCase(rbind(c(300, 40), c(40, 300)), "2x2 tiny p"),
  chisqCase(rbind(c(500, 40, 10), c(1, 300, 490), c(200, 200, 200)), "3x3 p near 1e-256"),
  chisqCase(rbind(c(5000, 4000, 100), c(10, 3000, 4900), c(2000, 2000, 2000)), "3x3 p underflows to 0"),
  chisqCase(rbind(c(0, 0), c(0, 0)), "all zero"),
  chisqCase(rbind(c(3, 4), c(0, 0)), "one non-empty row"),
  chisqCase(rbind(c(3, 0, 4), c(5, 0, 1)), "zero column, 2x2 left"),
  chisqCase(rbind(c(3, 2, 4), c(0, 0, 0), c(5, 7, 1)), "zero row, 2x3 left"),
  chisqCase(rbind(c(0, 0, 0), c(3, 0, 4), c(5, 0, 1), c(0, 0, 0)), "zero rows and column"),
  chisqCase(rbind(c(2.5, 3.5), c(4.25, 1)), "non-integer counts"),
  chisqCase(rbind(c(1, 2, 3, 4, 5, 6)), "single row")
)
for (i in 1:40) {
  nr <- 2 + (i %% 5)
  nc <- 2 + ((i * 3) %% 4)
  lambda <- c(1, 3, 8, 25, 200)[1 + (i %% 5)]
  x <- matrix(rpois(nr * nc, lambda), nr, nc)
  if (i %% 7 == 0) x[sample(nr, 1), ] <- 0
  if (i %% 11 == 0) x[, sample(nc, 1)] <- 0
  chisqItems[[length(chisqItems) + 1L]] <-
    chisqCase(x, sprintf("random %d: %dx%d, lambda %g", i, nr, nc, lambda))
}

# ---- Fisher exact test, 2 x 2 ------------------------------------------------

fisherCase <- function(a, b, c, d, label) {
  x <- rbind(c(a, b), c(c, d))
  res <- fisher.test(x)
  est <- unname(res$estimate)
  m <- a + c
  n <- b + d
  k <- a + b
  degenerate <- max(0, k - n) == min(k, m)
  result <- if (degenerate) {
    "null"
  } else {
    obj(pValue = num(res$p.value), oddsRatio = num(est))
  }
  obj(
    label = str(label), table = mat(x), r = obj(pValue = num(res$p.value), estimate = num(est)),
    result = result
  )
}
fisherItems <- list(
  # ?fisher.test: Agresti (1990) p. 61f., Fisher's tea tasting.
  fisherCase(3, 1, 1, 3, "tea tasting"),
  # ?fisher.test: Agresti (1990) p. 65f., Fisher (1962), convictions of twins.
  fisherCase(2, 15, 10, 3, "convictions of like-sex twins"),
  fisherCase(1, 0, 0, 1, "1 0 / 0 1"),
  fisherCase(0, 5, 5, 0, "a at its minimum"),
  fisherCase(5, 0, 0, 5, "a at its maximum"),
  fisherCase(0, 0, 3, 4, "empty first row"),
  fisherCase(2, 0, 3, 0, "empty second column"),
  fisherCase(0, 0, 0, 0, "all zero"),
  fisherCase(500, 300, 200, 600, "large counts, tiny p"),
  fisherCase(60, 5, 5, 60, "p near 1e-24"),
  fisherCase(2000, 1500, 1400, 2100, "large counts, wide support"),
  fisherCase(20, 0, 0, 20, "tiny p, infinite estimate"),
  fisherCase(7, 7, 7, 7, "balanced"),
  fisherCase(1, 9, 11, 3, "textbook-like")
)
for (i in 1:50) {
  lambda <- c(0.7, 2, 5, 12, 40)[1 + (i %% 5)]
  cells <- rpois(4, lambda * c(1, 1.5, 0.8, 1.2))
  fisherItems[[length(fisherItems) + 1L]] <-
    fisherCase(cells[1], cells[2], cells[3], cells[4], sprintf("random %d, lambda %g", i, lambda))
}

# ---- chi-square upper tail ---------------------------------------------------

pchisqItems <- list()
for (df in c(1, 2, 3, 5, 10, 29, 100)) {
  for (x in c(0, 1e-8, 0.5, 1, df, 3 * df, 10 * df + 50, 500, 1400)) {
    pchisqItems[[length(pchisqItems) + 1L]] <-
      obj(x = num(x), df = num(df), upper = num(pchisq(x, df, lower.tail = FALSE)))
  }
}

# ---- uniroot (Brent's zeroin) ------------------------------------------------
# The functions are named; test code defines the same functions under these names.

unirootFunctions <- list(
  "x^2 - 2" = function(x) x^2 - 2,
  "cos(x) - x" = function(x) cos(x) - x,
  "exp(x) - 5" = function(x) exp(x) - 5,
  "x^3" = function(x) x^3,
  "1/(x - 0.3) step" = function(x) if (x < 0.3) -1 else 1
)
unirootCases <- list(
  list("x^2 - 2", 0, 2, .Machine$double.eps^0.25),
  list("x^2 - 2", 0, 2, 1e-12),
  list("cos(x) - x", 0, 1, .Machine$double.eps^0.25),
  list("exp(x) - 5", 0, 3, 1e-10),
  list("x^3", -1, 2, .Machine$double.eps^0.25),
  list("x^3", -2, 2, .Machine$double.eps^0.25),
  list("1/(x - 0.3) step", 0, 1, .Machine$double.eps^0.25)
)
unirootItems <- lapply(unirootCases, function(case) {
  root <- uniroot(unirootFunctions[[case[[1]]]], c(case[[2]], case[[3]]), tol = case[[4]])$root
  obj(f = str(case[[1]]), lower = num(case[[2]]), upper = num(case[[3]]), tol = num(case[[4]]),
      root = num(root))
})

# ---- output ------------------------------------------------------------------

cat("{\n")
cat('"producedBy": "R 4.2.2 (stats), scripts/reference/statistics.R",\n')
cat(sprintf('"date": "%s",\n', format(Sys.Date())))
cat(sprintf('"rVersion": "%s",\n', R.version.string))
cat(paste(
  section("rank", rankItems),
  section("quantile", quantileItems),
  section("describe", describeItems),
  section("kruskalWallis", kruskalItems),
  section("wilcoxonRankSum", wilcoxItems),
  section("pwilcox", pwilcoxItems),
  section("dwilcox", dwilcoxItems),
  section("chiSquareTest", chisqItems),
  section("fisherExact2x2", fisherItems),
  section("pchisq", pchisqItems),
  section("uniroot", unirootItems),
  sep = ",\n"
))
cat("\n}\n")
