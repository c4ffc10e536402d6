# Reference values for spnet's inter-coder agreement statistics
# (src/core/qual/agreement), computed with R.
#
# Usage (from the repository root):
#   Rscript scripts/reference/agreement.R > test/fixtures/reference/agreement-r.json
#
# Cohen's kappa comes from psych::cohen.kappa (an established implementation;
# Debian r-cran-psych) and, independently, from a plain-R formula. The irr
# package (kripp.alpha) is not packaged for this machine's Debian, so
# Krippendorff's nominal alpha is computed here in plain R from the
# coincidence matrix, built pair by pair as in Krippendorff (2011) — a
# different route from spnet's, which works from category counts. Percent
# agreement and NVivo's character kappa are plain R too; the character kappa
# is also computed by psych::cohen.kappa on the expanded character vectors,
# which checks that NVivo's formula is Cohen's kappa on characters.
#
# Numbers are written with sprintf("%.17g"); NA is null.

suppressPackageStartupMessages(library(psych))
set.seed(20250305)

num <- function(v) if (is.na(v) || !is.finite(v)) "null" else sprintf("%.17g", as.numeric(v))
arr <- function(v) paste0("[", paste(vapply(as.list(v), num, ""), collapse = ","), "]")
mat <- function(m) paste0("[", paste(vapply(seq_len(nrow(m)), function(i) arr(m[i, ]), ""), collapse = ","), "]")
str <- function(s) paste0('"', s, '"')
obj <- function(...) {
  f <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(f), unlist(f)), collapse = ","), "}")
}

# units x coders matrix of categories (NA = missing)
alpha_nominal <- function(x) {
  cats <- sort(unique(na.omit(as.vector(x))))
  o <- matrix(0, length(cats), length(cats))
  for (u in seq_len(nrow(x))) {
    v <- na.omit(x[u, ])
    m <- length(v)
    if (m < 2) next
    for (i in seq_len(m)) for (j in seq_len(m)) if (i != j) {
      a <- match(v[i], cats); b <- match(v[j], cats)
      o[a, b] <- o[a, b] + 1 / (m - 1)
    }
  }
  nc <- rowSums(o); n <- sum(nc)
  do <- sum(o) - sum(diag(o))
  de <- (n * n - sum(nc^2)) / (n - 1)
  1 - do / de
}

percent_agreement <- function(x) {
  p <- c()
  for (u in seq_len(nrow(x))) {
    v <- na.omit(x[u, ]); m <- length(v)
    if (m < 2) next
    t <- table(v)
    p <- c(p, sum(t * (t - 1)) / (m * (m - 1)))
  }
  mean(p)
}

kappa_plain <- function(a, b) {
  keep <- !is.na(a) & !is.na(b); a <- a[keep]; b <- b[keep]
  lv <- sort(unique(c(a, b)))
  t <- table(factor(a, lv), factor(b, lv)); n <- sum(t)
  po <- sum(diag(t)) / n; pe <- sum(rowSums(t) * colSums(t)) / n^2
  (po - pe) / (1 - pe)
}

kappa_psych <- function(a, b) {
  keep <- !is.na(a) & !is.na(b)
  suppressWarnings(psych::cohen.kappa(data.frame(a = a[keep], b = b[keep]))$kappa)
}

ratings_json <- function(x) mat(x)

items <- list()

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# 4 observers x 12 units, nominal, with missing values.
kripp <- rbind(
  c(1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA),
  c(1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3),
  c(NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA),
  c(1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA)
)
kx <- t(kripp)
items[[length(items) + 1]] <- obj(
  label = str("krippendorff-2011"), ratings = ratings_json(kx),
  alpha = num(alpha_nominal(kx)), percent = num(percent_agreement(kx)), kappa = "null", kappaPsych = "null"
)

# Random reliability data: two-coder cases get kappa too.
for (case in 1:12) {
  coders <- if (case <= 6) 2 else sample(3:5, 1)
  units <- sample(8:40, 1)
  k <- sample(2:4, 1)
  x <- matrix(sample(0:(k - 1), units * coders, replace = TRUE), units, coders)
  # make coders agree more often than chance
  for (u in seq_len(units)) if (runif(1) < 0.5) x[u, ] <- x[u, 1]
  if (case %% 3 == 0) x[sample(length(x), max(1, length(x) %/% 8))] <- NA
  ka <- if (coders == 2) num(kappa_plain(x[, 1], x[, 2])) else "null"
  kp <- if (coders == 2) num(kappa_psych(x[, 1], x[, 2])) else "null"
  items[[length(items) + 1]] <- obj(
    label = str(paste0("random-", case)), ratings = ratings_json(x),
    alpha = num(alpha_nominal(x)), percent = num(percent_agreement(x)), kappa = ka, kappaPsych = kp
  )
}

# Cohen's kappa from contingency tables (rows coder A, columns coder B).
tables <- list(
  list(label = "fleiss-levin-paik-2003-table-18.1",
       t = matrix(c(75, 1, 4, 5, 4, 1, 0, 0, 10), 3, byrow = TRUE)),
  list(label = "two-by-two-20-5-10-15", t = matrix(c(20, 5, 10, 15), 2, byrow = TRUE))
)
tableItems <- lapply(tables, function(tb) {
  t <- tb$t; n <- sum(t)
  po <- sum(diag(t)) / n; pe <- sum(rowSums(t) * colSums(t)) / n^2
  obj(label = str(tb$label), table = mat(t), kappa = num((po - pe) / (1 - pe)),
      kappaPsych = num(psych::cohen.kappa(t)$kappa), observed = num(po), expected = num(pe))
})

# NVivo-style character kappa from character counts.
charItems <- list()
for (case in 1:8) {
  n <- sample(50:400, 1)
  a <- rbinom(n, 1, runif(1, 0.05, 0.6))
  b <- ifelse(runif(n) < 0.8, a, 1 - a)
  A <- sum(a); B <- sum(b); AB <- sum(a & b)
  po <- (AB + (n - A - B + AB)) / n
  pe <- (A * B / n + (n - A) * (n - B) / n) / n
  charItems[[case]] <- obj(
    total = num(n), codedA = num(A), codedB = num(B), codedBoth = num(AB),
    kappa = num((po - pe) / (1 - pe)), kappaPsych = num(kappa_psych(a, b)), agreement = num(po)
  )
}

cat("{\n")
cat(sprintf('"producedBy": "scripts/reference/agreement.R",\n"rVersion": "%s",\n"psychVersion": "%s",\n',
            R.version.string, as.character(packageVersion("psych"))))
cat('"ratings": [\n', paste(unlist(items), collapse = ",\n"), "\n],\n", sep = "")
cat('"tables": [\n', paste(unlist(tableItems), collapse = ",\n"), "\n],\n", sep = "")
cat('"characters": [\n', paste(unlist(charItems), collapse = ",\n"), "\n]\n", sep = "")
cat("}\n")
