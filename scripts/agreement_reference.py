"""Agreement coefficients by independent implementations, for the tests of src/core/agreement.

Reads JSON from stdin: {"codes": [[annotator 0's value per unit], [annotator 1's ...], ...]} and writes
{"cohen": {"i,j": kappa}, "fleiss": kappa, "alpha": alpha} with scikit-learn's cohen_kappa_score,
statsmodels' fleiss_kappa and NLTK's AnnotationTask.alpha (nominal). Undefined values are null.
Run with Debian's python3 (/usr/bin/python3), where python3-sklearn, python3-statsmodels and python3-nltk live.
"""
import json
import math
import sys
import warnings

from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa


def finite(value):
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def main():
    codes = json.load(sys.stdin)["codes"]
    m = len(codes)
    out = {"cohen": {}, "fleiss": None, "alpha": None}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i in range(m):
            for j in range(i + 1, m):
                out["cohen"][f"{i},{j}"] = finite(cohen_kappa_score(codes[i], codes[j]))
        by_unit = list(zip(*codes))
        table, _ = aggregate_raters(by_unit, n_cat=2)
        out["fleiss"] = finite(fleiss_kappa(table, method="fleiss"))
        task = AnnotationTask(
            data=[(str(coder), str(unit), str(value)) for coder in range(m) for unit, value in enumerate(codes[coder])]
        )
        try:
            out["alpha"] = finite(task.alpha())
        except ZeroDivisionError:
            out["alpha"] = None
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
