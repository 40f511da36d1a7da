package org.pcpassessor.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * A chart of {@link Charts} drawn as a PNG for the Word paper, from the same view the HTML template draws as SVG (its
 * heading, values up the side with grid lines, months along the bottom, the mean, limits and baseline with their
 * labels, the line and its points coloured and shaped as Making Data Count's): one geometry, two drawings, so the
 * paper and the page show the same chart. Drawn with Java 2D at twice the chart's size; text in the platform's sans
 * serif font (DejaVu Sans where LibreOffice is installed).
 */
final class ChartImage {
    private static final int SCALE = 2;
    private static final Color INK = new Color(0x33, 0x33, 0x33);
    private static final Color HEADING = Color.decode("#1d3f6e");
    private static final Color GRID = Color.decode("#e6e9ed");
    private static final Color AXIS = Color.decode("#6b7785");
    private static final Color SERIES = Color.decode("#5b6770");
    private static final Color MEAN = Color.decode("#1b1b1b");
    private static final Color BASELINE = Color.decode("#8a6d3b");
    private static final Color EVENT = Color.decode("#7a1f5c");
    private static final Map<String, Color> POINTS = Map.of("common", Color.decode("#a6a6a6"),
            "improvement", Color.decode(Icons.BLUE), "concern", Color.decode(Icons.ORANGE),
            "neither", Color.decode(Icons.PURPLE), "before", Color.decode("#d9d9d9"), "ghost", Color.WHITE);

    private ChartImage() {
    }

    /**
     * Whether Java 2D can draw text here: a server with no fonts (no fontconfig, no font package) cannot, and AWT then
     * fails as it first looks for one. Asked once.
     */
    static boolean canDrawText() {
        return Fonts.AVAILABLE;
    }

    private static final class Fonts {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = probe.createGraphics();
                try {
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                    return g.getFontMetrics().stringWidth("Dec-20") > 0;
                } finally {
                    g.dispose();
                }
            } catch (RuntimeException | LinkageError | InternalError e) {
                return false; // AWT's own failure to find a font: the paper says the charts are not drawn
            }
        }
    }

    /** The chart as PNG bytes. */
    static byte[] png(Map<String, Object> view) {
        int width = ((Number) view.get("width")).intValue();
        int height = ((Number) view.get("height")).intValue();
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width * SCALE, height * SCALE);
            g.scale(SCALE, SCALE);
            draw(g, view);
        } finally {
            g.dispose();
        }
        return Icons.encode(image);
    }

    /** The chart's text alternative: its title and the values it shows in words. */
    static String text(Map<String, Object> view) {
        return view.get("title") + ". " + view.get("desc");
    }

    private static void draw(Graphics2D g, Map<String, Object> v) {
        double left = num(v.get("left"));
        double right = num(v.get("right"));
        double top = num(v.get("top"));
        double bottom = num(v.get("bottom"));
        double labelY = num(v.get("labelY"));
        // the heading in one line across the chart: smaller type for a long measure name, down to 7 points
        String heading = String.valueOf(v.get("heading"));
        int size = 10;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        while (size > 7 && g.getFontMetrics().stringWidth(heading) > num(v.get("width")) - 8) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, --size));
        }
        while (heading.length() > 10 && g.getFontMetrics().stringWidth(heading) > num(v.get("width")) - 8) {
            heading = heading.substring(0, heading.length() - 2) + "\u2026"; // the text alternative has it whole
        }
        text(g, heading, 4, 12, "start", HEADING);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (Map<String, Object> t : list(v.get("yTicks"))) {
            double y = num(t.get("y"));
            line(g, left, y, right, y, GRID, 1, false);
            text(g, String.valueOf(t.get("label")), left - 4, y + 3, "end", INK);
        }
        line(g, left, top, left, bottom, AXIS, 1, false);
        line(g, left, bottom, right, bottom, AXIS, 1, false);
        for (Map<String, Object> t : list(v.get("xTicks"))) {
            text(g, String.valueOf(t.get("label")), num(t.get("x")), labelY, String.valueOf(t.get("anchor")), INK);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        if (v.containsKey("meanY")) {
            double from = num(v.get("limitsX"));
            line(g, from, num(v.get("uplY")), right, num(v.get("uplY")), SERIES, 1, true);
            line(g, from, num(v.get("meanY")), right, num(v.get("meanY")), MEAN, 1, false);
            line(g, from, num(v.get("lplY")), right, num(v.get("lplY")), SERIES, 1, true);
        }
        if (Boolean.TRUE.equals(v.get("baseline"))) {
            line(g, left, num(v.get("baselineY")), right, num(v.get("baselineY")), BASELINE, 1.5f, true);
        }
        for (Map<String, Object> m : list(v.get("markers"))) {
            line(g, num(m.get("x")), num(m.get("top")), num(m.get("x")), num(m.get("bottom")), EVENT, 1.5f, true);
        }
        String[] pairs = String.valueOf(v.get("line")).trim().split(" ");
        Path2D path = new Path2D.Double();
        for (int i = 0; i < pairs.length; i++) {
            String[] xy = pairs[i].split(",");
            if (xy.length == 2) {
                if (i == 0) {
                    path.moveTo(num(xy[0]), num(xy[1]));
                } else {
                    path.lineTo(num(xy[0]), num(xy[1]));
                }
            }
        }
        g.setColor(SERIES);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        for (Map<String, Object> d : list(v.get("dots"))) {
            point(g, d);
        }
        // the lines' labels last, each on a white ground, so that no point or line hides them
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        if (v.containsKey("meanY")) {
            label(g, String.valueOf(v.get("uplLabel")), right, num(v.get("uplY")) - 2);
            label(g, String.valueOf(v.get("meanLabel")), right, num(v.get("meanY")) - 2);
            label(g, String.valueOf(v.get("lplLabel")), right, num(v.get("lplY")) + 9);
        }
        if (Boolean.TRUE.equals(v.get("baseline"))) {
            label(g, String.valueOf(v.get("baselineLabel")), right, num(v.get("baselineY")) - 2);
        }
    }

    /** A line's label, right-aligned at x, on a white ground. */
    private static void label(Graphics2D g, String s, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(s);
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(x - w - 1, y - fm.getAscent(), w + 2, fm.getAscent() + 1));
        text(g, s, x, y, "end", INK);
    }

    /** A point: a circle, or the diamond, square or triangle of a special cause; the report month ringed. */
    private static void point(Graphics2D g, Map<String, Object> d) {
        double x = num(d.get("x"));
        double y = num(d.get("y"));
        String kind = String.valueOf(d.get("kind"));
        boolean current = Boolean.TRUE.equals(d.get("current"));
        java.awt.Shape shape;
        Object outline = d.get("d");
        if (Boolean.FALSE.equals(d.get("round")) && outline != null && !String.valueOf(outline).isEmpty()) {
            double r = current ? 5.5 : 4;
            shape = switch (kind) {
                case "improvement" -> polygon(x, y - r, x + r, y, x, y + r, x - r, y);
                case "concern" -> new java.awt.geom.Rectangle2D.Double(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
                default -> polygon(x, y - r, x + r, y + r * 0.8, x - r, y + r * 0.8);
            };
        } else {
            double r = current ? 5 : 3;
            shape = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        }
        g.setColor(POINTS.getOrDefault(kind, POINTS.get("common")));
        g.fill(shape);
        if (kind.equals("ghost") || current) {
            g.setColor(current ? MEAN : POINTS.get("common"));
            g.setStroke(new BasicStroke(current ? 2 : 1));
            g.draw(shape);
        }
    }

    private static Path2D polygon(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    private static void line(Graphics2D g, double x1, double y1, double x2, double y2, Color c, float width,
                             boolean dashed) {
        g.setColor(c);
        g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3},
                0) : new BasicStroke(width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    private static void text(Graphics2D g, String s, double x, double y, String anchor, Color c) {
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(s);
        double at = switch (anchor) {
            case "end" -> x - w;
            case "middle" -> x - w / 2;
            default -> x;
        };
        g.setColor(c);
        g.drawString(s, (float) at, (float) y);
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(o));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
