# Reference values for `spnet compare` (MEASURES.md, "Group comparisons"),
# computed end to end with base R (stats) from the per-ego measures that spnet
# itself writes. Base R only (jsonlite is not assumed: JSON is written by hand,
# numbers with sprintf("%.17g"), which round-trips to the same double).
#
# Usage (from the repository root):
#   npm run build
#   node dist/spnet.js measures test/fixtures/reference/demo-60 --out /tmp/measures.csv
#   python3 scripts/reference/make-binary.py          # test/fixtures/reference/demo-60-binary
#   Rscript scripts/reference/compare.R /tmp/measures.csv
# Writes test/fixtures/reference/compare-r.json, which
# test/reference/compare-reference.test.ts compares with `spnet compare --format json`.
#
# Inputs: the measures CSV (one row per ego, in egos.csv order; NA = undefined),
# and egos.csv + alters.csv of demo-60 and of demo-60-binary (demo-60 plus the
# ego column core20 = imd_quintile == 1 and the alter column is_vcse =
# org_type == "vcse"; see test/fixtures/reference/README-compare.md). The
# measure columns used here do not depend on the added columns, so the one CSV
# serves both inputs; the test checks that spnet computes the same values on
# each (`inputValues`).
#
# Three comparisons (as spnet runs them):
#   imd_quintile          on demo-60, pair 1 vs 5, composition of org_type
#   implementation_model  on demo-60, pair pcn vs vcse, composition of org_type
#   core20                on demo-60-binary, pair 1 vs 0, composition of is_vcse
#                         (a 2 x 2 table, so Fisher's exact test applies)
#
# For each measure and group (egos whose group is not missing):
#   n, missing (NA count), median, quantile(x, c(.25, .75), type = 7), IQR,
#   mean, sd, min, max of the non-NA values (null where R gives NA/NaN/Inf)
#   kruskal.test(value ~ group): statistic, parameter, p.value (NA rows dropped
#     by the formula's na.action; unused groups dropped by kruskal.test itself)
#   wilcox.test(x, y) for the pair, x = first group's non-NA values:
#     statistic W, p.value, method; exact = (method is the "exact" test);
#     rankBiserial = 2W / (n_x n_y) - 1 (a formula on R's W, not an R function)
# Composition: the alters of egos with a non-missing group, table(group,
#   attribute) with the groups in spnet's order and the attribute's declared
#   levels (codebook.json order, which is spnet's); missing attribute values
#   are counted apart. Categories no alter has are dropped (as spnet does), then
#   rows and columns whose total is 0 are dropped before testing (as spnet does;
#   chisq.test would give NaN). chisq.test(table) with R's defaults (Yates only
#   for 2 x 2): statistic, parameter, p.value, method, expected; fisher.test
#   (p.value, estimate) when the tested table is 2 x 2. The same for the pair's
#   2-row table, rows in pair order.
# R's warnings are recorded with each result ("warnings").
#
# Group order is spnet's: numeric attributes ascending, categorical ones in
# codebook order (only levels present). It fixes the orientation of the
# tables (and so Fisher's odds ratio) on both sides.
#
# Deterministic: the same input gives the same output, except producedBy.date
# (today, or SOURCE_DATE_EPOCH when set).

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1L) {
  stop("usage: Rscript scripts/reference/compare.R MEASURES.csv (spnet measures of demo-60)")
}
measuresCsv <- args[[1L]]
fixtures <- file.path("test", "fixtures", "reference")
stopifnot(dir.exists(fixtures), file.exists(measuresCsv))
output <- file.path(fixtures, "compare-r.json")

measureColumns <- c("size", "density", "constraint", "effective_size", "ego_betweenness",
                    "mean_frequency", "prop_org_type_vcse", "iqv_org_type", "ei_org_type")

# Declared levels (codebook.json of demo-60 and demo-60-binary).
implementationModelLevels <- c("pcn", "gp_federation", "vcse", "local_authority", "nhs_trust", "other")
orgTypeLevels <- c("primary_care", "other_nhs", "local_authority", "vcse", "other_statutory",
                   "housing_association", "private", "social_prescribing")

# ---- JSON writing ------------------------------------------------------------
# Values: NULL -> null; a length-1 numeric/logical/character -> scalar;
# vec(x) -> array; named list -> object; unnamed list -> array.

num <- function(v) {
  if (is.na(v) || !is.finite(v)) "null" else sprintf("%.17g", as.numeric(v))
}
str <- function(s) paste0('"', gsub('"', '\\\\"', gsub("\\\\", "\\\\\\\\", s)), '"')
vec <- function(x) structure(as.list(x), class = "jsonArray")
isLeaf <- function(x) !is.list(x) || length(x) == 0L || all(vapply(x, function(e) !is.list(e), TRUE))
encode <- function(x, indent = 0L) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    named <- !is.null(names(x)) && !inherits(x, "jsonArray")
    open <- if (named) "{" else "["
    close <- if (named) "}" else "]"
    if (length(x) == 0L) return(paste0(open, close))
    parts <- vapply(seq_along(x), function(i) {
      value <- encode(x[[i]], indent + 1L)
      if (named) paste0(str(names(x)[[i]]), ": ", value) else value
    }, "")
    if (isLeaf(x)) return(paste0(open, paste(parts, collapse = ", "), close))
    pad <- strrep("  ", indent + 1L)
    return(paste0(open, "\n", paste0(pad, parts, collapse = ",\n"), "\n", strrep("  ", indent), close))
  }
  stopifnot(length(x) == 1L)
  if (is.logical(x)) {
    if (is.na(x)) "null" else if (x) "true" else "false"
  } else if (is.numeric(x)) {
    num(x)
  } else {
    str(as.character(x))
  }
}
matrixJson <- function(m) lapply(seq_len(nrow(m)), function(i) vec(unname(m[i, ])))

# ---- evaluation with R's warnings --------------------------------------------

captured <- function(expr) {
  warnings <- character(0)
  value <- withCallingHandlers(
    tryCatch(expr, error = function(e) structure(list(message = conditionMessage(e)), class = "capturedError")),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }
  )
  list(value = value, warnings = warnings, failed = inherits(value, "capturedError"))
}

# ---- reading -----------------------------------------------------------------

readTable <- function(path) {
  read.csv(path, colClasses = "character", na.strings = character(0), check.names = FALSE,
           fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
}
missingText <- function(x) is.na(x) | trimws(x) == ""
toNumber <- function(s) {
  v <- rep(NA_real_, length(s))
  present <- s != "NA"
  v[present] <- as.numeric(s[present])
  stopifnot(!anyNA(v[present]))
  v
}

measuresText <- readTable(measuresCsv)
stopifnot(all(measureColumns %in% names(measuresText)))
measures <- data.frame(ego_id = measuresText$ego_id, stringsAsFactors = FALSE)
for (column in measureColumns) measures[[column]] <- toNumber(measuresText[[column]])

readInput <- function(name) {
  folder <- file.path(fixtures, name)
  egos <- readTable(file.path(folder, "egos.csv"))
  alters <- readTable(file.path(folder, "alters.csv"))
  stopifnot(identical(egos$ego_id, measures$ego_id), all(alters$ego_id %in% egos$ego_id))
  list(name = name, egos = egos, alters = alters)
}
demo <- readInput("demo-60")
binary <- readInput("demo-60-binary")
stopifnot(
  identical(binary$egos$core20, ifelse(as.numeric(binary$egos$imd_quintile) == 1, "1", "0")),
  identical(binary$alters$is_vcse, ifelse(binary$alters$org_type == "vcse", "yes", "no"))
)

# ---- one comparison ----------------------------------------------------------

describeGroup <- function(values) {
  present <- values[!is.na(values)]
  n <- length(present)
  stat <- function(f) if (n == 0L) NULL else f(present)
  quartiles <- if (n == 0L) c(NA, NA) else quantile(present, c(0.25, 0.75), type = 7, names = FALSE)
  list(
    n = n,
    missing = sum(is.na(values)),
    median = stat(median),
    q1 = quartiles[[1L]],
    q3 = quartiles[[2L]],
    iqr = stat(function(x) IQR(x, type = 7)),
    mean = stat(mean),
    sd = if (n < 2L) NULL else sd(present),
    min = stat(min),
    max = stat(max)
  )
}

kruskalJson <- function(values, group) {
  data <- data.frame(value = values, group = group)
  result <- captured(kruskal.test(value ~ group, data = data))
  if (result$failed) return(list(error = result$value$message, warnings = vec(result$warnings)))
  k <- result$value
  list(
    statistic = unname(k$statistic),
    parameter = unname(k$parameter),
    pValue = k$p.value,
    method = k$method,
    warnings = vec(result$warnings)
  )
}

wilcoxJson <- function(x, y, pair) {
  result <- captured(wilcox.test(x, y))
  if (result$failed) return(list(groups = vec(pair), error = result$value$message, warnings = vec(result$warnings)))
  w <- result$value
  list(
    groups = vec(pair),
    nx = length(x),
    ny = length(y),
    statistic = unname(w$statistic),
    pValue = w$p.value,
    method = w$method,
    exact = identical(w$method, "Wilcoxon rank sum exact test"),
    rankBiserial = 2 * unname(w$statistic) / (length(x) * length(y)) - 1,
    warnings = vec(result$warnings)
  )
}

# Tests of one table (rows = groups); drops all-zero rows and columns first.
tableTests <- function(counts) {
  keptRows <- rowSums(counts) > 0
  keptColumns <- colSums(counts) > 0
  tested <- counts[keptRows, keptColumns, drop = FALSE]
  out <- list(
    groups = vec(rownames(counts)),
    counts = matrixJson(counts),
    droppedRows = vec(rownames(counts)[!keptRows]),
    droppedColumns = vec(colnames(counts)[!keptColumns])
  )
  if (nrow(tested) < 2L || ncol(tested) < 2L) return(c(out, list(chisq = NULL, fisher = NULL)))
  chi <- captured(chisq.test(tested))
  stopifnot(!chi$failed)
  test <- chi$value
  out$chisq <- list(
    statistic = unname(test$statistic),
    parameter = unname(test$parameter),
    pValue = test$p.value,
    method = test$method,
    yates = grepl("Yates", test$method, fixed = TRUE),
    lowExpected = "Chi-squared approximation may be incorrect" %in% chi$warnings,
    expected = matrixJson(unname(test$expected)),
    warnings = vec(chi$warnings)
  )
  if (nrow(tested) == 2L && ncol(tested) == 2L) {
    fisher <- captured(fisher.test(tested))
    stopifnot(!fisher$failed)
    f <- fisher$value
    out$fisher <- list(
      pValue = f$p.value,
      estimate = unname(f$estimate),
      method = f$method,
      table = matrixJson(unname(tested)),
      warnings = vec(fisher$warnings)
    )
  } else {
    out["fisher"] <- list(NULL)
  }
  out
}

compareInput <- function(input, by, numericGroups, declaredLevels, pair, attribute, attributeLevels) {
  raw <- input$egos[[by]]
  group <- ifelse(missingText(raw), NA_character_, trimws(raw))
  if (numericGroups) {
    group <- ifelse(is.na(group), NA_character_, as.character(as.numeric(group)))
    levels <- as.character(sort(unique(as.numeric(group[!is.na(group)]))))
  } else {
    stopifnot(all(group[!is.na(group)] %in% declaredLevels))
    levels <- declaredLevels[declaredLevels %in% group]
  }
  stopifnot(all(pair %in% levels))
  g <- factor(group, levels = levels)
  egoCounts <- table(g)

  measureJson <- lapply(measureColumns, function(column) {
    values <- measures[[column]]
    byGroup <- lapply(levels, function(level) values[!is.na(g) & g == level])
    groupJson <- lapply(seq_along(levels), function(i) {
      c(list(group = levels[[i]], egos = as.integer(egoCounts[[levels[[i]]]])), describeGroup(byGroup[[i]]))
    })
    x <- byGroup[[match(pair[[1L]], levels)]]
    y <- byGroup[[match(pair[[2L]], levels)]]
    list(
      measure = column,
      groups = groupJson,
      kruskal = kruskalJson(values, g),
      wilcox = wilcoxJson(x[!is.na(x)], y[!is.na(y)], pair)
    )
  })

  # Composition: alters of egos with a group.
  egoGroup <- setNames(as.character(g), input$egos$ego_id)
  alterGroup <- unname(egoGroup[input$alters$ego_id])
  alters <- input$alters[!is.na(alterGroup), , drop = FALSE]
  alterGroup <- alterGroup[!is.na(alterGroup)]
  category <- ifelse(missingText(alters[[attribute]]), NA_character_, trimws(alters[[attribute]]))
  stopifnot(all(category[!is.na(category)] %in% attributeLevels))
  full <- table(factor(alterGroup[!is.na(category)], levels = levels),
                factor(category[!is.na(category)], levels = attributeLevels))
  counts <- unclass(full)[, colSums(full) > 0, drop = FALSE]
  names(dimnames(counts)) <- NULL
  composition <- c(
    list(attribute = attribute, categories = vec(colnames(counts)), missing = sum(is.na(category))),
    tableTests(counts)
  )
  composition$pair <- tableTests(counts[pair, , drop = FALSE])

  list(
    input = input$name,
    by = by,
    pair = vec(pair),
    attribute = attribute,
    groups = lapply(levels, function(level) list(group = level, egos = as.integer(egoCounts[[level]]))),
    egosWithoutGroup = sum(is.na(g)),
    measures = measureJson,
    composition = composition
  )
}

comparisons <- list(
  compareInput(demo, "imd_quintile", TRUE, NULL, c("1", "5"), "org_type", orgTypeLevels),
  compareInput(demo, "implementation_model", FALSE, implementationModelLevels, c("pcn", "vcse"),
               "org_type", orgTypeLevels),
  compareInput(binary, "core20", FALSE, c("0", "1"), c("1", "0"), "is_vcse", c("no", "yes"))
)

# The measure values exactly as R read them, for the test to check against spnet's.
inputValues <- list(
  egoIds = vec(measures$ego_id),
  values = setNames(lapply(measureColumns, function(column) vec(measures[[column]])), measureColumns)
)

# Every distinct warning, where it came from.
warningIndex <- list()
for (comparison in comparisons) {
  for (m in comparison$measures) {
    for (w in c(unlist(m$kruskal$warnings), unlist(m$wilcox$warnings))) {
      warningIndex[[w]] <- c(warningIndex[[w]], sprintf("%s/%s", comparison$by, m$measure))
    }
  }
  for (part in list(comparison$composition, comparison$composition$pair)) {
    for (w in c(unlist(part$chisq$warnings), unlist(part$fisher$warnings))) {
      warningIndex[[w]] <- c(warningIndex[[w]], sprintf("%s/composition %s", comparison$by,
                                                        paste(unlist(part$groups), collapse = ",")))
    }
  }
}
warningSummary <- lapply(names(warningIndex), function(w) list(warning = w, where = vec(warningIndex[[w]])))

epoch <- Sys.getenv("SOURCE_DATE_EPOCH")
date <- if (nzchar(epoch)) {
  format(as.POSIXct(as.numeric(epoch), origin = "1970-01-01", tz = "UTC"), "%Y-%m-%d")
} else {
  format(Sys.Date(), "%Y-%m-%d")
}
json <- encode(list(
  producedBy = list(
    tool = sprintf("R %s.%s (stats)", R.version$major, R.version$minor),
    r = R.version.string,
    script = "scripts/reference/compare.R",
    measures = "node dist/spnet.js measures test/fixtures/reference/demo-60 --out MEASURES.csv",
    date = date
  ),
  measureColumns = vec(measureColumns),
  inputValues = inputValues,
  warnings = warningSummary,
  comparisons = comparisons
))
writeLines(json, output, useBytes = TRUE)
message("wrote ", output)
