package io.pricewar.scraper.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A table as the reader sees it: merged cells (rowspan, colspan) copied into every slot they
 * cover, so "DISCOUNT PRICE" spanning three rows, or one price spanning two model columns,
 * belongs to each row and column it is drawn across.
 *
 * <p>A cell's text is read when a reader first asks for it: a rule uses a few columns of a wide
 * table, and gathering the text of every note and link in the others was a good part of the
 * extraction's time. The grid is read while the page it came from is unchanged.
 */
final class TableGrid {

    /** Spans beyond this are a broken page, not a table; they are cut rather than allocated. */
    private static final int MAX_SPAN = 1000;

    private final List<List<String>> rows;

    private TableGrid(List<List<String>> rows) {
        this.rows = rows;
    }

    static TableGrid of(Element table) {
        List<List<String>> rows = new ArrayList<>();
        Spans spans = new Spans();
        if (!table.nameIs("table")) {
            // A rule selecting a wrapper rather than the table: its rows wherever they are.
            for (Element tr : table.select("tr")) {
                rows.add(readRow(tr, rows.size(), spans));
            }
            return new TableGrid(rows);
        }
        // A direct walk of the table's own rows (in thead, tbody, tfoot or bare) rather than
        // select("tr"), which visits every node under the table and would take a nested table's
        // rows for its own.
        for (Element child = table.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.nameIs("tr")) {
                rows.add(readRow(child, rows.size(), spans));
            } else if (child.nameIs("thead") || child.nameIs("tbody") || child.nameIs("tfoot")) {
                for (Element tr = child.firstElementChild(); tr != null; tr = tr.nextElementSibling()) {
                    if (tr.nameIs("tr")) {
                        rows.add(readRow(tr, rows.size(), spans));
                    }
                }
            }
        }
        return new TableGrid(rows);
    }

    int height() {
        return rows.size();
    }

    /** The texts of one row, stripped; empty strings where the row has no cell. */
    List<String> row(int index) {
        return rows.get(index);
    }

    /** One cell's stripped text, read once however many slots the cell covers. */
    private static final class CellText {
        static final CellText NONE = new CellText(null);

        private final Element cell;
        private String text;

        CellText(Element cell) {
            this.cell = cell;
            this.text = cell == null ? "" : null;
        }

        String text() {
            if (text == null) {
                text = textOf(cell);
            }
            return text;
        }
    }

    /**
     * The cell's {@code text().strip()}. Most cells are empty or hold one plain text node
     * ("0.0008", "0.8元/百万tokens") whose text needs no whitespace folding: it is taken as it is
     * instead of being copied through jsoup's text builder.
     */
    static String textOf(Element cell) {
        if (cell.childNodeSize() == 0) {
            return "";
        }
        if (cell.childNodeSize() == 1 && cell.childNode(0) instanceof TextNode only) {
            String text = only.getWholeText();
            if (isAsShown(text)) {
                return text;
            }
        }
        return cell.text().strip();
    }

    /**
     * Whether jsoup's text() would give the text unchanged and strip() would leave it so: printable
     * ASCII, CJK and a few price signs, single spaces between words, nothing jsoup folds or drops
     * (other whitespace, no-break and zero-width spaces, soft hyphens).
     */
    private static boolean isAsShown(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7f) {
                continue; // most characters of a price: the common case first
            }
            boolean plain = c > 0x3000 && c != 0xfeff && !Character.isSurrogate(c) || c == '¥' || c == '≤' || c == '≥';
            boolean innerSpace = c == ' ' && i > 0 && i < length - 1 && text.charAt(i - 1) != ' ';
            if (!plain && !innerSpace) {
                return false;
            }
        }
        return length > 0;
    }

    /** A row's slots as the strings they show, read on first access. */
    private static final class Row extends AbstractList<String> implements RandomAccess {
        private final CellText[] slots;

        Row(CellText[] slots) {
            this.slots = slots;
        }

        @Override
        public String get(int index) {
            return slots[index].text();
        }

        @Override
        public int size() {
            return slots.length;
        }
    }

    /** A cell drawn down over later rows: its text, the row it starts in and the last it covers. */
    private record Span(CellText text, int firstRow, int lastRow) {
        boolean covers(int row) {
            return firstRow < row && row <= lastRow;
        }
    }

    /** The latest cell drawn down from each column, by column. */
    private static final class Spans {
        private Span[] byColumn = new Span[8];

        void put(int column, Span span) {
            if (column >= byColumn.length) {
                byColumn = Arrays.copyOf(byColumn, Math.max(column + 1, byColumn.length * 2));
            }
            byColumn[column] = span;
        }

        /** The cell drawn down over this column of this row, or null. */
        Span covering(int column, int row) {
            Span span = column < byColumn.length ? byColumn[column] : null;
            return span != null && span.covers(row) ? span : null;
        }

        int width() {
            return byColumn.length;
        }
    }

    private static List<String> readRow(Element tr, int rowIndex, Spans spans) {
        Slots cells = new Slots();
        int column = 0;
        // The child nodes by index rather than children(): that list is cached per row, of no use read once.
        for (int i = 0, n = tr.childNodeSize(); i < n; i++) {
            if (!(tr.childNode(i) instanceof Element cell) || !cell.nameIs("td") && !cell.nameIs("th")) {
                continue;
            }
            column = fillCovered(cells, column, rowIndex, spans);
            CellText text = new CellText(cell);
            int colspan = span(cell, "colspan");
            int rowspan = span(cell, "rowspan");
            for (int c = 0; c < colspan; c++) {
                cells.put(column + c, text);
                if (rowspan > 1) {
                    spans.put(column + c, new Span(text, rowIndex, rowIndex + rowspan - 1));
                }
            }
            column += colspan;
        }
        for (int c = column; c < spans.width(); c++) {
            Span span = spans.covering(c, rowIndex);
            if (span != null) {
                cells.put(c, span.text());
            }
        }
        return cells.row();
    }

    private static int fillCovered(Slots cells, int column, int rowIndex, Spans spans) {
        int at = column;
        Span span;
        while ((span = spans.covering(at, rowIndex)) != null) {
            cells.put(at, span.text());
            at++;
        }
        return at;
    }

    /** The slots of the row being read, as its cells and the cells drawn down into it fill them. */
    private static final class Slots {
        private CellText[] slots = new CellText[8];
        private int size;

        void put(int column, CellText text) {
            if (column >= slots.length) {
                slots = Arrays.copyOf(slots, Math.max(column + 1, slots.length * 2));
            }
            slots[column] = text;
            size = Math.max(size, column + 1);
        }

        /** The row, with an empty slot where no cell is. */
        Row row() {
            CellText[] row = Arrays.copyOf(slots, size);
            for (int i = 0; i < size; i++) {
                if (row[i] == null) {
                    row[i] = CellText.NONE;
                }
            }
            return new Row(row);
        }
    }

    private static int span(Element cell, String attribute) {
        if (cell.attributesSize() == 0) {
            return 1; // most cells have no attribute at all; attr() would give them an empty set
        }
        String value = cell.attr(attribute).strip();
        if (value.isEmpty()) {
            return 1;
        }
        try {
            return Math.clamp(Long.parseLong(value), 1, MAX_SPAN);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
