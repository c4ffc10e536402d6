# Checks what the spnet CLI printed against R 4.2 igraph, sna and stats, on any
# study in the three-file layout of MEASURES.md (standard column names).
#
# Usage (from the repository root, after npm run build):
#   node dist/spnet.js measures DIR --format json --out /tmp/m.json
#   node dist/spnet.js compare DIR --by imd_quintile --pair 1,5 --format json \
#     --show-small-groups --out /tmp/c1.json
#   Rscript scripts/reference/check-cli.R DIR /tmp/m.json [/tmp/c1.json ...] [--attr org_type]
#     [--ego-attr sector] [--write FILE]
#
# Prints, per tool and column, the number of values compared and the largest
# absolute difference from spnet's; exits 1 when any difference exceeds 1e-9
# (or an NA disagrees). With --write FILE it writes the reference values (and
# spnet's inputs to the statistics) as JSON, the fixtures of
# test/reference/cli-reference.test.ts.
#
# Unlike measures.R, pairs of unknown state are handled, so every ego is compared:
#  - brokerage_*: sna::brokerage on G_e with every unknown pair added as an
#    edge. An unknown pair is not open (MEASURES.md), and in G_e a pair j, k is
#    brokered by the ego exactly when j and k are not adjacent, so adding the
#    unknown pairs as edges leaves sna counting spnet's open pairs.
#  - ego_betweenness: for every open pair (known "no tie"), the share of its
#    geodesics through the ego, from igraph::all_shortest_paths on G_e
#    (yes ties only); equals igraph::betweenness(G_e)[ego] when no pair is
#    unknown, which is checked too.
#  - density: t / (known pairs); igraph::edge_density(A) when no pair is unknown.
# Statistics: for each compare JSON, R recomputes every group summary
# (quantile type 7, IQR, mean, sd, median), kruskal.test, wilcox.test and the
# composition chisq.test / fisher.test from spnet's per-ego measures and the
# alters file.

suppressPackageStartupMessages({
  stopifnot(requireNamespace("igraph", quietly = TRUE), requireNamespace("sna", quietly = TRUE),
            requireNamespace("jsonlite", quietly = TRUE))
})

args <- commandArgs(trailingOnly = TRUE)
opt <- function(name, default) {
  i <- match(name, args)
  if (is.na(i)) return(default)
  value <- args[[i + 1L]]
  args <<- args[-c(i, i + 1L)]
  value
}
attr <- opt("--attr", "org_type")
egoAttr <- opt("--ego-attr", "sector")
writeTo <- opt("--write", NA_character_)
stopifnot(length(args) >= 2L)
dir <- args[[1L]]
measuresJson <- args[[2L]]
compareJsons <- args[-(1:2)]

readTable <- function(path) {
  read.csv(path, colClasses = "character", na.strings = character(0), check.names = FALSE,
           fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
}
isMissing <- function(x) is.na(x) | trimws(x) == "" | trimws(x) == "NA"
egos <- readTable(file.path(dir, "egos.csv"))
alters <- readTable(file.path(dir, "alters.csv"))
ties <- readTable(file.path(dir, "ties.csv"))
state <- if ("state" %in% names(ties)) tolower(trimws(ties$state)) else rep("", nrow(ties))
unknownStates <- c("dont_know", "don't know", "dont know", "not_asked", "not asked")
stopifnot(all(state %in% c("", "yes", "no", unknownStates)))
codebookPath <- file.path(dir, "codebook.json")
codebook <- if (file.exists(codebookPath)) jsonlite::fromJSON(codebookPath, simplifyVector = FALSE) else list()
declared <- codebook$alter[[attr]]
levelsOf <- if (!is.null(declared) && identical(declared$type, "categorical")) {
  unlist(declared$levels)
} else {
  sort(unique(trimws(alters[[attr]][!isMissing(alters[[attr]])])))
}

spnet <- jsonlite::fromJSON(measuresJson, simplifyVector = FALSE)
stopifnot(identical(vapply(spnet, function(r) r$ego_id, ""), egos$ego_id))

# ---- per-ego references ----------------------------------------------------------

reference <- function(e) {
  id <- egos$ego_id[[e]]
  al <- alters[alters$ego_id == id, , drop = FALSE]
  n <- nrow(al)
  mine <- ties$ego_id == id
  yes <- ties[mine & state %in% c("", "yes"), , drop = FALSE]
  unk <- ties[mine & state %in% unknownStates, , drop = FALSE]
  ids <- al$alter_id
  yesEdges <- cbind(1 + match(yes$from, ids), 1 + match(yes$to, ids))
  unkEdges <- cbind(1 + match(unk$from, ids), 1 + match(unk$to, ids))
  stopifnot(!anyNA(yesEdges), !anyNA(unkEdges))
  spokes <- cbind(rep(1, n), 1 + seq_len(n))
  g <- igraph::make_graph(edges = c(t(rbind(spokes, yesEdges))), n = n + 1, directed = FALSE)
  stopifnot(length(igraph::edge_attr_names(g)) == 0L, igraph::is_simple(g))
  a <- igraph::delete_vertices(g, 1)
  t <- nrow(yesEdges)
  u <- nrow(unkEdges)
  v <- list(
    igraph = list(), sna = list()
  )
  v$igraph$ties <- igraph::ecount(a)
  v$igraph$components <- igraph::components(a)$no
  v$igraph$isolates <- sum(igraph::degree(a) == 0)
  v$igraph$constraint <- if (n == 0) NA else igraph::constraint(g, nodes = 1)[[1]]
  known <- n * (n - 1) / 2 - u
  v$igraph$density <- if (n < 2 || known <= 0) NA else if (u == 0) igraph::edge_density(a) else t / known
  # Ego betweenness over open pairs, from geodesics (igraph).
  adj <- igraph::as_adjacency_matrix(g, sparse = FALSE)
  unknownPair <- matrix(FALSE, n + 1, n + 1)
  unknownPair[unkEdges] <- TRUE
  unknownPair[unkEdges[, 2:1, drop = FALSE]] <- TRUE
  eb <- 0
  if (n >= 2) {
    for (j in 2:n) for (k in (j + 1):(n + 1)) {
      if (adj[j, k] == 1 || unknownPair[j, k]) next
      paths <- igraph::all_shortest_paths(g, from = j, to = k)$res
      eb <- eb + mean(vapply(paths, function(p) 1 %in% as.integer(p), TRUE))
    }
  }
  v$igraph$ego_betweenness <- eb
  if (u == 0) {
    b <- igraph::betweenness(g, v = 1, directed = FALSE, weights = NA)[[1]]
    stopifnot(abs(b - eb) < 1e-9)
  }
  # Brokerage (sna), unknown pairs added as edges so that they are not open.
  sector <- if (egoAttr %in% names(egos)) egos[[egoAttr]][[e]] else "link_worker"
  cats <- al[[attr]]
  if (n > 0 && !isMissing(sector) && !any(isMissing(cats))) {
    m <- adj
    m[unknownPair] <- 1
    br <- sna::brokerage(m, c(trimws(sector), trimws(cats)))$raw.nli[1, ]
    v$sna$brokerage_coordinator <- br[["w_I"]] / 2
    v$sna$brokerage_itinerant <- br[["w_O"]] / 2
    v$sna$brokerage_gatekeeper_representative <- (br[["b_IO"]] + br[["b_OI"]]) / 2
    v$sna$brokerage_liaison <- br[["b_O"]] / 2
    v$sna$brokerage_total <- br[["t"]] / 2
  }
  v
}

refs <- lapply(seq_len(nrow(egos)), reference)

worst <- list()
failures <- 0L
recorded <- list()
note <- function(tool, column, ours, theirs, id = NULL) {
  if (!is.null(id)) recorded[[id]] <<- if (is.na(theirs)) NA else theirs
  key <- paste(tool, column)
  if (is.null(worst[[key]])) worst[[key]] <<- c(count = 0, max = 0)
  bothNa <- is.null(ours) && is.na(theirs)
  if (!bothNa && (is.null(ours) || is.na(theirs))) {
    failures <<- failures + 1L
    message(sprintf("NA mismatch: %s %s: spnet %s, R %s", tool, column, format(ours), format(theirs)))
    return()
  }
  d <- if (bothNa) 0 else abs(ours - theirs)
  if (d > 1e-9) {
    failures <<- failures + 1L
    message(sprintf("%s %s: spnet %.17g, R %.17g", tool, column, ours, theirs))
  }
  worst[[key]] <<- c(count = worst[[key]][["count"]] + 1, max = max(worst[[key]][["max"]], d))
}
for (e in seq_along(refs)) {
  row <- spnet[[e]]
  for (tool in names(refs[[e]])) {
    for (column in names(refs[[e]][[tool]])) note(tool, column, row[[column]], refs[[e]][[tool]][[column]])
  }
}

# ---- statistics ------------------------------------------------------------------

values <- function(column) vapply(spnet, function(r) if (is.null(r[[column]])) NA_real_ else r[[column]], 0)
groupOrder <- function(by, present) {
  d <- codebook$ego[[by]]
  if (!is.null(d) && identical(d$type, "categorical")) return(unlist(d$levels)[unlist(d$levels) %in% present])
  num <- suppressWarnings(as.numeric(present))
  if (!anyNA(num)) return(present[order(num)])
  sort(present, method = "radix")
}
comparisons <- list()
for (path in compareJsons) {
  cmp <- jsonlite::fromJSON(path, simplifyVector = FALSE)
  by <- cmp$by
  raw <- trimws(egos[[by]])
  raw[isMissing(raw)] <- NA
  if (!all(is.na(suppressWarnings(as.numeric(raw[!is.na(raw)]))))) {
    raw[!is.na(raw)] <- as.character(as.numeric(raw[!is.na(raw)]))
  }
  order <- groupOrder(by, unique(raw[!is.na(raw)]))
  stopifnot(identical(vapply(cmp$groups, function(g) g$group, ""), order))
  g <- factor(raw, levels = order)
  comparisons[[length(comparisons) + 1L]] <- list(
    by = by, pair = if (is.null(cmp$measures[[1]]$pair)) NULL else unlist(cmp$measures[[1]]$pair$groups),
    measures = vapply(cmp$measures, function(m) m$measure, "")
  )
  for (mc in cmp$measures) {
    x <- values(mc$measure)
    tool <- "stats"
    col <- function(what) paste0(by, "|", mc$measure, "|", what)
    for (i in seq_along(order)) {
      s <- mc$groups[[i]]
      if (isTRUE(s$suppressed)) next
      present <- x[!is.na(g) & g == order[[i]] & !is.na(x)]
      q <- if (length(present) == 0) c(NA, NA) else quantile(present, c(.25, .75), type = 7, names = FALSE)
      ref <- list(
        n = length(present), missing = sum(!is.na(g) & g == order[[i]] & is.na(x)),
        mean = if (length(present)) mean(present) else NA, sd = if (length(present) > 1) sd(present) else NA,
        median = if (length(present)) median(present) else NA, q1 = q[[1]], q3 = q[[2]],
        iqr = if (length(present)) IQR(present) else NA
      )
      for (k in names(ref)) {
        note(tool, paste0("describe/", k), s[[k]], ref[[k]], col(paste0("describe|", order[[i]], "|", k)))
      }
    }
    ok <- !is.na(g) & !is.na(x)
    kw <- tryCatch(suppressWarnings(kruskal.test(x[ok], droplevels(g[ok]))), error = function(e) NULL)
    if (is.null(kw) || !is.finite(kw$statistic)) {
      note(tool, "kruskal/statistic", mc$kruskalWallis$statistic, NA, col("kruskal|statistic"))
    } else {
      note(tool, "kruskal/statistic", mc$kruskalWallis$statistic, unname(kw$statistic), col("kruskal|statistic"))
      note(tool, "kruskal/df", mc$kruskalWallis$df, unname(kw$parameter), col("kruskal|df"))
      note(tool, "kruskal/p", mc$kruskalWallis$pValue, kw$p.value, col("kruskal|p"))
    }
    if (!is.null(mc$pair)) {
      pair <- unlist(mc$pair$groups)
      xs <- x[ok & g == pair[[1]]]
      ys <- x[ok & g == pair[[2]]]
      w <- tryCatch(suppressWarnings(wilcox.test(xs, ys)), error = function(e) NULL)
      if (is.null(w) || !is.finite(w$p.value)) {
        note(tool, "wilcox/W", mc$pair$wilcoxon$statistic, NA, col(paste0("wilcox|", paste(pair, collapse = ","), "|W")))
      } else {
        note(tool, "wilcox/W", mc$pair$wilcoxon$statistic, unname(w$statistic), col(paste0("wilcox|", paste(pair, collapse = ","), "|W")))
        note(tool, "wilcox/p", mc$pair$wilcoxon$pValue, w$p.value, col(paste0("wilcox|", paste(pair, collapse = ","), "|p")))
        exact <- identical(w$method, "Wilcoxon rank sum exact test")
        recorded[[col(paste0("wilcox|", paste(pair, collapse = ","), "|exact"))]] <- exact
        if (!identical(isTRUE(mc$pair$wilcoxon$exact), exact)) {
          failures <- failures + 1L
          message("wilcox exact flag differs for ", col("wilcox"))
        }
        note(tool, "wilcox/rank_biserial", mc$pair$wilcoxon$rankBiserial,
             2 * unname(w$statistic) / (length(xs) * length(ys)) - 1, col(paste0("wilcox|", paste(pair, collapse = ","), "|rank_biserial")))
      }
    }
  }
  comp <- cmp$composition
  if (!is.null(comp)) {
    egoGroup <- setNames(as.character(g), egos$ego_id)
    ag <- unname(egoGroup[alters$ego_id])
    cat <- trimws(alters[[comp$attribute]])
    keep <- !is.na(ag) & !isMissing(cat)
    tab <- table(factor(ag[keep], levels = order), factor(cat[keep], levels = unlist(comp$categories)))
    tests <- function(tb, part, which) {
      id <- function(what) paste0(by, "|composition|", which, "|", what)
      tb <- tb[rowSums(tb) > 0, colSums(tb) > 0, drop = FALSE]
      if (nrow(tb) < 2 || ncol(tb) < 2) {
        if (!is.null(part$chiSquare)) { failures <<- failures + 1L; message("chi-square should be undefined") }
        recorded[[id("chisq|statistic")]] <<- NA
        return()
      }
      ch <- suppressWarnings(chisq.test(tb))
      note("stats", "chisq/statistic", part$chiSquare$statistic, unname(ch$statistic), id("chisq|statistic"))
      note("stats", "chisq/df", part$chiSquare$df, unname(ch$parameter), id("chisq|df"))
      note("stats", "chisq/p", part$chiSquare$pValue, ch$p.value, id("chisq|p"))
      recorded[[id("chisq|low_expected")]] <<- any(ch$expected < 5)
      if (!identical(isTRUE(part$chiSquare$lowExpected), any(ch$expected < 5))) {
        failures <<- failures + 1L
        message("lowExpected differs")
      }
      if (nrow(tb) == 2 && ncol(tb) == 2) {
        f <- fisher.test(tb)
        note("stats", "fisher/p", part$fisher$pValue, f$p.value, id("fisher|p"))
        est <- unname(f$estimate)
        note("stats", "fisher/odds_ratio", part$fisher$oddsRatio, if (is.finite(est)) est else NA,
             id("fisher|odds_ratio"))
      }
    }
    tests(tab, comp, "all")
    if (!is.null(comp$pair)) {
      tests(tab[unlist(comp$pair$groups), , drop = FALSE], comp$pair, paste(unlist(comp$pair$groups), collapse = ","))
    }
  }
}

cat(sprintf("%-8s %-40s %7s %s\n", "tool", "column", "values", "max |spnet - R|"))
for (key in sort(names(worst))) {
  parts <- strsplit(key, " ", fixed = TRUE)[[1]]
  cat(sprintf("%-8s %-40s %7d %.3g\n", parts[[1]], parts[[2]], as.integer(worst[[key]][["count"]]), worst[[key]][["max"]]))
}
cat(sprintf("R %s.%s, igraph %s, sna %s; %d egos; %d disagreement(s)\n", R.version$major, R.version$minor,
            utils::packageVersion("igraph"), utils::packageVersion("sna"), nrow(egos), failures))
if (!is.na(writeTo)) {
  jsonlite::write_json(list(
    producedBy = list(tool = sprintf("R %s.%s, igraph %s, sna %s", R.version$major, R.version$minor,
                                     utils::packageVersion("igraph"), utils::packageVersion("sna")),
                      script = "scripts/reference/check-cli.R"),
    egos = lapply(seq_along(refs), function(e) c(list(ego_id = egos$ego_id[[e]]), refs[[e]])),
    comparisons = comparisons,
    statistics = recorded
  ), writeTo, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE)
}
quit(status = if (failures > 0L) 1L else 0L)
