# Reference values for analysis/mca.py, hcpc.py and catdes.py, from FactoMineR.
# Run from this folder: Rscript reference.R   (Debian: r-base-core r-cran-factominer)
# Input: responses.csv (written by make_fixture.py). Outputs: the *.csv files beside it and
# versions.txt. Missing answers are left as NA: MCA's default na.method = "NA" makes them a
# category "<question>.NA", written here as category "NA".
suppressPackageStartupMessages(library(FactoMineR))

raw <- read.csv("responses.csv", colClasses = "character", na.strings = "",
                row.names = "response")
w <- as.numeric(raw$weight)
X <- raw[, setdiff(names(raw), c("weight", "planted_type"))]
X[] <- lapply(X, factor)

# (question, category) of each level of the coded answers, FactoMineR's prefixes removed:
# a level shared by several questions is renamed "<question>_<level>", NA is "<question>.NA".
plain <- function(question, level) {
  level <- ifelse(level == paste0(question, ".NA"), "NA", level)
  prefix <- paste0(question, "_")
  ifelse(startsWith(level, prefix), substring(level, nchar(prefix) + 1), level)
}
level_table <- function(Xc) {
  q <- rep(names(Xc), sapply(Xc, nlevels))
  data.frame(question = q, category = plain(q, unlist(lapply(Xc, levels))))
}
fmt <- function(frame, file) write.csv(frame, file, row.names = FALSE)
out17 <- function(x) formatC(x, digits = 17, format = "g")

res.mca <- MCA(X, ncp = 5, row.w = w, graph = FALSE)
eig <- res.mca$eig
fmt(data.frame(dim = seq_len(nrow(eig)), eigenvalue = out17(eig[, 1]),
               percent = out17(eig[, 2]), cumulative_percent = out17(eig[, 3])),
    "eigenvalues.csv")
rc <- res.mca$ind$coord
fmt(data.frame(response = rownames(rc), apply(rc, 2, out17), check.names = FALSE),
    "row_coords.csv")
cc <- res.mca$var$coord
fmt(data.frame(level_table(res.mca$call$X), apply(cc, 2, out17), check.names = FALSE),
    "category_coords.csv")

classes_of <- function(h) {
  cl <- h$data.clust$clust
  setNames(as.integer(as.character(cl)), rownames(h$data.clust))[rownames(X)]
}
hc.auto <- HCPC(res.mca, nb.clust = -1, consol = TRUE, min = 3, max = 10, graph = FALSE)
hc.k5 <- HCPC(res.mca, nb.clust = 5, consol = TRUE, graph = FALSE)
hc.k2 <- HCPC(res.mca, nb.clust = 2, consol = TRUE, graph = FALSE)
hc.k8 <- HCPC(res.mca, nb.clust = 8, consol = TRUE, graph = FALSE)
hc.k6.raw <- HCPC(res.mca, nb.clust = 6, consol = FALSE, graph = FALSE)
set.seed(42)
hc.kk <- suppressWarnings(HCPC(res.mca, nb.clust = -1, consol = FALSE, kk = 60,
                               graph = FALSE))
res.mca.u <- MCA(X, ncp = 5, graph = FALSE)
hc.u <- HCPC(res.mca.u, nb.clust = -1, consol = TRUE, graph = FALSE)
fmt(data.frame(response = rownames(X), auto = classes_of(hc.auto), k5 = classes_of(hc.k5),
               k2 = classes_of(hc.k2), k8 = classes_of(hc.k8),
               k6_no_consolidation = classes_of(hc.k6.raw), kk60 = classes_of(hc.kk),
               unweighted_auto = classes_of(hc.u)),
    "hcpc_classes.csv")
tt <- hc.auto$call$t
fmt(data.frame(k = seq_along(tt$inert.gain), inertia_gain = out17(tt$inert.gain),
               within = out17(tt$within)), "hcpc_gains.csv")
fmt(data.frame(k = 3:10, quot = out17(tt$quot)), "hcpc_quot.csv")

# catdes of the weighted auto classes: every category (proba = 1), and HCPC's own (0.05).
long_catdes <- function(cd) {
  rows <- lapply(names(cd$category), function(k) {
    t <- cd$category[[k]]
    if (is.null(t)) return(NULL)
    t <- matrix(t, ncol = 5, dimnames = list(rownames(t), colnames(t)))
    key <- rownames(t)
    q <- sub("=.*$", "", key)
    data.frame(class = as.integer(k), question = q,
               category = plain(q, sub("^[^=]*=", "", key)),
               cla_mod = out17(t[, 1]), mod_cla = out17(t[, 2]), global = out17(t[, 3]),
               p_value = out17(t[, 4]), v_test = out17(t[, 5]))
  })
  do.call(rbind, rows)
}
data.clust <- cbind.data.frame(res.mca$call$X, clust = factor(classes_of(hc.auto)))
fmt(long_catdes(catdes(data.clust, ncol(data.clust), proba = 1, row.w = w)),
    "catdes_all.csv")
fmt(long_catdes(hc.auto$desc.var), "catdes_hcpc.csv")

writeLines(c(R.version.string,
             paste("FactoMineR", as.character(packageVersion("FactoMineR"))),
             paste("flashClust", as.character(packageVersion("flashClust")))),
           "versions.txt")
