package dev.codeagent.llmpatch.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Re-indents the lines a block inserts to the file's indentation and tab style, judged by how the block's
 * matched lines are indented in the model's SEARCH and in the file.
 */
final class Reindenter {

    private final List<String> file;
    private final List<String> search;
    private final int[] map;
    private final boolean fileTabs;
    private final double scale;

    /** {@code map[j]}: the file line SEARCH line j matched, or -1 (see {@link BlockMatch#map()}). */
    Reindenter(List<String> file, List<String> search, int[] map) {
        this.file = file;
        this.search = search;
        this.map = map;
        this.fileTabs = usesTabs(file);
        this.scale = indentScale();
    }

    /**
     * The line indented like the file: its indentation relative to SEARCH line {@code ref} (a matched,
     * non-blank one; -1 if there is none) is carried over relative to that line's file line.
     */
    String reindent(String line, int ref) {
        if (line.isBlank()) {
            return "";
        }
        if (ref < 0) {
            return line.stripTrailing();
        }
        String fileLead = Lines.lead(file.get(map[ref]));
        int refWidth = Lines.width(Lines.lead(search.get(ref)));
        boolean tabs = fileLead.isEmpty() ? fileTabs : fileLead.startsWith("\t");
        String stripped = line.stripTrailing();
        String lead = Lines.lead(stripped);
        int width = Lines.width(lead);
        int target = (int) Math.round(Lines.width(fileLead) + scale * (width - refWidth));
        if (target == width && (lead.isEmpty() || tabs == lead.startsWith("\t"))) {
            return stripped;
        }
        return Lines.indent(Math.max(0, target), tabs) + stripped.substring(lead.length());
    }

    /** Whether SEARCH line j was matched to a file line and carries indentation evidence. */
    boolean isAnchor(int j) {
        return map[j] >= 0 && !search.get(j).isBlank() && !Lines.isElision(search.get(j));
    }

    /**
     * How the model's indentation widths map to the file's: 1 when they differ by a constant, 2 or 0.5 when
     * the model used half or double the file's indent unit (2 vs 4 spaces) consistently on every matched line.
     */
    private double indentScale() {
        // A constant shift is the common drift; a consistent 2x or 0.5x with no shift means the model used
        // another indent unit. Zero-shift fits are tried first because a block whose lines share one
        // indentation fits every scale with some shift.
        Set<Integer> modelWidths = new HashSet<>();
        for (int j = 0; j < map.length; j++) {
            if (isAnchor(j)) {
                modelWidths.add(Lines.width(Lines.lead(search.get(j))));
            }
        }
        // With a single indentation level in the block, only "the model halved the unit" is plausible
        // evidence of another scale; doubling needs two levels to tell it from a shift.
        double[] scales = modelWidths.size() > 1 ? new double[] {1, 2, 0.5} : new double[] {1, 2};
        for (boolean zeroShift : new boolean[] {true, false}) {
            for (double candidate : scales) {
                if (fits(candidate, zeroShift)) {
                    return candidate;
                }
            }
        }
        return 1;
    }

    private boolean fits(double candidate, boolean zeroShift) {
        Double offset = zeroShift ? 0.0 : null;
        boolean any = false;
        for (int j = 0; j < map.length; j++) {
            if (!isAnchor(j)) {
                continue;
            }
            double c = Lines.width(Lines.lead(file.get(map[j]))) - candidate * Lines.width(Lines.lead(search.get(j)));
            any = true;
            if (offset == null) {
                offset = c;
            } else if (offset != c) {
                return false;
            }
        }
        return any;
    }

    private static boolean usesTabs(List<String> file) {
        int tabs = 0;
        int spaces = 0;
        for (String line : file) {
            if (line.startsWith("\t")) {
                tabs++;
            } else if (line.startsWith("  ")) {
                spaces++;
            }
        }
        return tabs > spaces;
    }
}
