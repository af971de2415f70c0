package hub.report.model;

import java.util.List;

/**
 * How an article's units differ from an earlier version's: units with the same hash in the same order (a longest
 * common subsequence) are unchanged; between two unchanged units, as many units as both versions have there count
 * as changed, the rest as added (new version) or removed (old version).
 */
public record UnitChanges(int unitsTotal, int unitsUnchanged, int unitsChanged, int unitsAdded, int unitsRemoved) {

    /** Every unit is new: a first check, or one whose previous version is unknown. */
    public static UnitChanges allAdded(int units) {
        return new UnitChanges(units, 0, 0, units, 0);
    }

    public static UnitChanges between(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = before.get(i).equals(after.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int unchanged = 0;
        int changed = 0;
        int added = 0;
        int removed = 0;
        int gapOld = 0;
        int gapNew = 0;
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                changed += Math.min(gapOld, gapNew);
                added += Math.max(0, gapNew - gapOld);
                removed += Math.max(0, gapOld - gapNew);
                gapOld = 0;
                gapNew = 0;
                unchanged++;
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                gapNew++;
                j++;
            } else {
                gapOld++;
                i++;
            }
        }
        changed += Math.min(gapOld, gapNew);
        added += Math.max(0, gapNew - gapOld);
        removed += Math.max(0, gapOld - gapNew);
        return new UnitChanges(m, unchanged, changed, added, removed);
    }
}
