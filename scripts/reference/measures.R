# Reference values for spnet's structural and brokerage measures, computed with
# R igraph and sna. Base R otherwise (jsonlite is not assumed: JSON is written by
# hand, numbers with sprintf("%.17g"), which round-trips to the same double).
#
# Usage (from the repository root):
#   Rscript scripts/reference/measures.R
# Reads test/fixtures/reference/{demo-60,known-pairs}/ (see the README.md there)
# and writes test/fixtures/reference/measures-r.json, which
# test/reference/measures-reference.test.ts compares with spnet's output.
#
# For each ego, G_e is the ego network of MEASURES.md: vertex 1 = the ego,
# vertices 2..n+1 = its alters, an edge from the ego to every alter, and the
# `yes` alter-alter ties (`no`, `dont_know`, `not_asked` pairs are not edges).
# A = G_e without the ego (the alter-alter graph). Columns are named as spnet
# names them; null = NA (undefined) per MEASURES.md.
#
#   constraint        igraph::constraint(G_e, nodes = ego)          (NaN -> null)
#   ego_betweenness   igraph::betweenness(G_e, v = ego, directed = FALSE)
#   components        igraph::components(A)$no
#   isolates          sum(igraph::degree(A) == 0)
#   density           igraph::edge_density(A)                       (NaN -> null)
#   effective_size    formula on igraph degree: n - sum_j (deg_Ge(j) - 1) / n
#                     (sum_j (deg_Ge(j) - 1) = 2t); null when n = 0
#   efficiency        effective_size / igraph::degree(G_e)[ego]
#   brokerage_*       sna::brokerage(adjacency of G_e, cl)$raw.nli[ego, ], with
#                     cl = the ego's `sector` and the alters' `org_type`; G_e is
#                     symmetric, so sna counts each unordered open pair twice:
#                     coordinator = w_I/2, itinerant = w_O/2,
#                     gatekeeper_representative = (b_IO + b_OI)/2,
#                     liaison = b_O/2, total = t/2.
#
# Traps handled (MEASURES.md "Known traps"):
# - igraph with weights = NULL silently uses an edge attribute named "weight":
#   G_e is built with no edge attributes at all (checked), and betweenness gets
#   weights = NA, which igraph reads as "unweighted".
# - igraph's documentation states the constraint formula wrongly; its code is
#   Burt's, which is what is compared.
# - sna::brokerage wants a (here symmetric) adjacency matrix, not an igraph
#   object. Its raw counts are well defined for any size; its expected values
#   and z-scores (not used) are NaN for tiny groups. sna 2.7.1 raised no error
#   for these egos (0, 1 and 2 alters included); any error would be recorded
#   as null with the message in notCompared.
#
# igraph, sna and MEASURES.md differ by design where pairs have unknown state
# (dont_know / not_asked): igraph and sna have no such notion and treat them as
# "no tie", i.e. open, while spnet leaves them out of density, ego_betweenness
# and brokerage. For an ego with such pairs those columns are left out here and
# the ego's notCompared says why; known-pairs has none, so there everything is
# compared. constraint, components, isolates and effective size use `yes` ties
# only and are compared for every ego.
#
# Deterministic: the same input gives the same output, except producedBy.date
# (today, or SOURCE_DATE_EPOCH when set).

# Not attached: sna masks igraph's degree() and others, so every call is qualified.
stopifnot(requireNamespace("igraph", quietly = TRUE), requireNamespace("sna", quietly = TRUE))

fixtures <- file.path("test", "fixtures", "reference")
stopifnot(dir.exists(fixtures))
output <- file.path(fixtures, "measures-r.json")
inputs <- c("demo-60", "known-pairs")
unknownStates <- c("dont_know", "don't know", "dont know", "don\u2019t know", "not_asked")

# ---- JSON writing ------------------------------------------------------------

num <- function(v) {
  if (is.null(v) || length(v) != 1L || is.na(v) || !is.finite(v)) "null" else sprintf("%.17g", as.numeric(v))
}
str <- function(s) paste0('"', gsub('"', '\\\\"', gsub("\\\\", "\\\\\\\\", s)), '"')
# `fields`: a named list of already-encoded JSON texts.
obj <- function(fields, indent) {
  if (length(fields) == 0L) return("{}")
  pad <- strrep("  ", indent + 1L)
  body <- paste0(pad, str(names(fields)), ": ", unlist(fields), collapse = ",\n")
  paste0("{\n", body, "\n", strrep("  ", indent), "}")
}
arr <- function(items, indent) {
  if (length(items) == 0L) return("[]")
  pad <- strrep("  ", indent + 1L)
  paste0("[\n", paste0(pad, unlist(items), collapse = ",\n"), "\n", strrep("  ", indent), "]")
}

# ---- reading the three files -------------------------------------------------

readTable <- function(path) {
  read.csv(path, colClasses = "character", na.strings = character(0), check.names = FALSE,
           fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
}
isMissing <- function(x) x == "" | x == "NA"

readStudy <- function(folder) {
  egos <- readTable(file.path(folder, "egos.csv"))
  alters <- readTable(file.path(folder, "alters.csv"))
  ties <- readTable(file.path(folder, "ties.csv"))
  state <- if ("state" %in% names(ties)) tolower(trimws(ties$state)) else rep("", nrow(ties))
  stopifnot(all(state %in% c("", "yes", "no", unknownStates)))
  list(egos = egos, alters = alters, ties = ties, state = state)
}

# ---- measures of one ego -------------------------------------------------------

egoMeasures <- function(study, egoId) {
  al <- study$alters[study$alters$ego_id == egoId, , drop = FALSE]
  mine <- study$ties$ego_id == egoId
  yes <- study$ties[mine & study$state %in% c("", "yes"), , drop = FALSE]
  u <- sum(mine & study$state %in% unknownStates)
  n <- nrow(al)
  ids <- al$alter_id
  stopifnot(!anyDuplicated(ids), all(yes$from %in% ids), all(yes$to %in% ids))

  # G_e: vertex 1 = ego, vertex 1 + j = alter j. No edge attributes.
  edges <- c(rbind(rep(1, n), 1 + seq_len(n)), rbind(1 + match(yes$from, ids), 1 + match(yes$to, ids)))
  g <- igraph::make_graph(edges = edges, n = n + 1, directed = FALSE)
  stopifnot(length(igraph::edge_attr_names(g)) == 0L, !("weight" %in% igraph::edge_attr_names(g)))
  stopifnot(igraph::is_simple(g))
  a <- igraph::delete_vertices(g, 1)
  deg <- igraph::degree(g)

  values <- list()
  notCompared <- list()
  raw <- list()
  values$constraint <- num(igraph::constraint(g, nodes = 1)[1])
  values$components <- num(igraph::components(a)$no)
  values$isolates <- num(sum(igraph::degree(a) == 0))
  esize <- if (n == 0) NA else n - sum(deg[-1] - 1) / n
  values$effective_size <- num(esize)
  values$efficiency <- num(if (n == 0) NA else esize / deg[1])

  unknownReason <- sprintf(
    "%d alter pair(s) of unknown state: igraph and sna count them as open (no tie), spnet leaves them out (MEASURES.md)",
    u
  )
  if (u == 0) {
    values$density <- num(igraph::edge_density(a))
    values$ego_betweenness <- num(igraph::betweenness(g, v = 1, directed = FALSE, weights = NA)[1])
  } else {
    notCompared$density <- str(unknownReason)
    notCompared$ego_betweenness <- str(unknownReason)
  }

  brokerageColumns <- c(
    "brokerage_coordinator", "brokerage_itinerant", "brokerage_gatekeeper_representative",
    "brokerage_liaison", "brokerage_total"
  )
  sector <- study$egos$sector[study$egos$ego_id == egoId]
  orgType <- al$org_type
  if (u > 0) {
    for (col in brokerageColumns) notCompared[[col]] <- str(unknownReason)
  } else if (isMissing(sector) || any(isMissing(orgType))) {
    # sna would make "" a group of its own; spnet's roles differ then (MEASURES.md).
    for (col in brokerageColumns) notCompared[[col]] <- str("missing group value")
  } else {
    m <- igraph::as_adjacency_matrix(g, sparse = FALSE)
    stopifnot(isSymmetric(m))
    cl <- c(sector, orgType)
    br <- tryCatch(sna::brokerage(m, cl)$raw.nli[1, ], error = function(e) e)
    if (inherits(br, "error")) {
      for (col in brokerageColumns) {
        values[[col]] <- "null"
        notCompared[[col]] <- str(paste("sna::brokerage raised:", conditionMessage(br)))
      }
    } else {
      raw$sna_brokerage <- obj(lapply(as.list(br), num), 4L)
      values$brokerage_coordinator <- num(br[["w_I"]] / 2)
      values$brokerage_itinerant <- num(br[["w_O"]] / 2)
      values$brokerage_gatekeeper_representative <- num((br[["b_IO"]] + br[["b_OI"]]) / 2)
      values$brokerage_liaison <- num(br[["b_O"]] / 2)
      values$brokerage_total <- num(br[["t"]] / 2)
    }
  }

  fields <- list(ego_id = str(egoId), alters = num(n), unknownPairs = num(u), values = obj(values, 4L))
  if (length(notCompared) > 0L) fields$notCompared <- obj(notCompared, 4L)
  if (length(raw) > 0L) fields$raw <- obj(raw, 4L)
  obj(fields, 3L)
}

methods <- obj(list(
  constraint = str("igraph::constraint(G_e, nodes = ego) (NaN -> null)"),
  components = str("igraph::components(A)$no"),
  isolates = str("sum(igraph::degree(A) == 0)"),
  effective_size = str("formula on igraph degree: n - sum_j (igraph::degree(G_e)[j] - 1) / n"),
  efficiency = str("formula on igraph degree: effective_size / igraph::degree(G_e)[ego]"),
  density = str("igraph::edge_density(A) (NaN -> null); only for egos with no pair of unknown state"),
  ego_betweenness = str("igraph::betweenness(G_e, v = ego, directed = FALSE, weights = NA); only for egos with no pair of unknown state"),
  brokerage_coordinator = str("sna::brokerage(adjacency(G_e), c(sector, org_type))$raw.nli[ego, 'w_I'] / 2"),
  brokerage_itinerant = str("sna::brokerage(...)$raw.nli[ego, 'w_O'] / 2"),
  brokerage_gatekeeper_representative = str("sna::brokerage(...)$raw.nli[ego, c('b_IO', 'b_OI')] summed / 2"),
  brokerage_liaison = str("sna::brokerage(...)$raw.nli[ego, 'b_O'] / 2"),
  brokerage_total = str("sna::brokerage(...)$raw.nli[ego, 't'] / 2")
), 3L)

epoch <- Sys.getenv("SOURCE_DATE_EPOCH")
date <- if (nzchar(epoch)) {
  format(as.POSIXct(as.numeric(epoch), origin = "1970-01-01", tz = "UTC"), "%Y-%m-%d")
} else {
  format(Sys.Date(), "%Y-%m-%d")
}
producedBy <- obj(list(
  tool = str(sprintf("R %s.%s, igraph %s, sna %s", R.version$major, R.version$minor,
                     utils::packageVersion("igraph"), utils::packageVersion("sna"))),
  r = str(R.version.string),
  igraph = str(as.character(utils::packageVersion("igraph"))),
  sna = str(as.character(utils::packageVersion("sna"))),
  script = str("scripts/reference/measures.R"),
  date = str(date)
), 1L)

inputJson <- list()
for (name in inputs) {
  study <- readStudy(file.path(fixtures, name))
  rows <- lapply(study$egos$ego_id, function(id) egoMeasures(study, id))
  inputJson[[name]] <- obj(list(
    folder = str(paste0("test/fixtures/reference/", name)),
    methods = methods,
    egos = arr(rows, 3L)
  ), 2L)
}

json <- obj(list(
  producedBy = producedBy,
  model = str("G_e = ego + alters + ego-alter edges + `yes` alter-alter edges; A = G_e without the ego. Groups: ego's sector, alters' org_type."),
  inputs = obj(inputJson, 1L)
), 0L)
writeLines(json, output, useBytes = TRUE)
message("wrote ", output)
