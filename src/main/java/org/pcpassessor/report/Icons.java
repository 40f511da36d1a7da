package org.pcpassessor.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pcpassessor.catalogue.Polarity;
import org.pcpassessor.catalogue.Target;
import org.pcpassessor.facts.SpcSignal;
import org.pcpassessor.narrative.MeasureReport;

/**
 * Making Data Count's two icons for a measure, as its summary tables show them (NHS England, "Making Data Count:
 * strengthening your decisions", and NHSRplotthedots' variation and assurance icons):
 * <ul>
 * <li><b>variation</b>: the report month on the SPC chart: common cause (grey), special cause of improvement (blue),
 * of concern (orange), or of neither for a measure with no good direction (purple), high (H) or low (L) by the side of
 * the mean it lies on. Only a readable chart (12 months or more, limits apart) has one.</li>
 * <li><b>assurance</b>: a target against the chart's process limits ({@link Target.Assurance}): consistently met (P,
 * blue), consistently missed (F, orange), hit and miss (?, grey). Only a measure with a target has one.</li>
 * </ul>
 * The states are the run's (the SPC signal the rules read); this class only names and draws them. Each icon is drawn
 * from one geometry (a circle, a small run of points and a letter made of strokes, on a 32-unit square) as SVG for
 * the HTML page and as a PNG for the Word paper, so both show the same picture without a font on the server; each
 * carries a text alternative saying what it means.
 */
final class Icons {
    static final String GREY = "#7b7d7d";
    static final String BLUE = "#289de0";
    static final String ORANGE = "#fab428";
    static final String PURPLE = "#361475";

    private Icons() {
    }

    /** A variation icon's state: its name in JSON, its colour, its letter (none for common cause), what it says. */
    enum Variation {
        COMMON_CAUSE("common_cause", GREY, "", "Common cause variation: no significant change"),
        IMPROVEMENT_HIGH("improvement_high", BLUE, "H", "Special cause variation of improvement: unusually high"),
        IMPROVEMENT_LOW("improvement_low", BLUE, "L", "Special cause variation of improvement: unusually low"),
        CONCERN_HIGH("concern_high", ORANGE, "H", "Special cause variation of concern: unusually high"),
        CONCERN_LOW("concern_low", ORANGE, "L", "Special cause variation of concern: unusually low"),
        NEITHER_HIGH("neither_high", PURPLE, "H", "Special cause variation: unusually high (neither good nor bad)"),
        NEITHER_LOW("neither_low", PURPLE, "L", "Special cause variation: unusually low (neither good nor bad)");

        final String code;
        final String colour;
        final String letter;
        final String text;

        Variation(String code, String colour, String letter, String text) {
            this.code = code;
            this.colour = colour;
            this.letter = letter;
            this.text = text;
        }
    }

    /** The variation state of the report month, when its chart is readable. */
    static Optional<Variation> variation(MeasureReport r) {
        return r.assessment().spc().filter(SpcSignal::readable).map(s -> variation(s.special(), s.side(),
                Polarity.parse(s.polarity()).orElse(Polarity.NEUTRAL)));
    }

    /**
     * The state of a month on its side of the mean ({@code side} +1 above, -1 below), special cause or not: the chart's
     * class of the point ({@link Charts#kind(boolean, int, Polarity)}), high or low by its side.
     */
    static Variation variation(boolean special, int side, Polarity polarity) {
        String kind = Charts.kind(special, side, polarity);
        return kind.equals("common") ? Variation.COMMON_CAUSE
                : Variation.valueOf(kind.toUpperCase(Locale.ROOT) + (side > 0 ? "_HIGH" : "_LOW"));
    }

    /** The assurance state of the measure's target, when it has one and its chart is readable. */
    static Optional<Target.Assurance> assurance(MeasureReport r) {
        return r.assessment().spc().flatMap(s -> java.util.Arrays.stream(Target.Assurance.values())
                .filter(a -> a.code().equals(s.assurance())).findFirst());
    }

    static String colour(Target.Assurance a) {
        return switch (a) {
            case CONSISTENT_PASS -> BLUE;
            case CONSISTENT_FAIL -> ORANGE;
            case HIT_AND_MISS -> GREY;
        };
    }

    /** The text alternative of an assurance icon, naming the target and its value as the table prints it. */
    static String text(Target.Assurance a, String targetName, String target) {
        String what = Character.toUpperCase(targetName.charAt(0)) + targetName.substring(1) + " (" + target + ")";
        return what + " " + a.meaning();
    }

    /** The text alternative of a measure's assurance icon: its target, by its catalogue name, and what it means. */
    static String text(Target.Assurance a, MeasureReport m) {
        return text(a, m.measure().target().map(Target::name).orElse("the target"), m.assessment().spc()
                .map(s -> org.pcpassessor.wording.Values.cell(m.assessment().snapshot(), s.target())).orElse("-"));
    }

    // ---- geometry: a 32 x 32 square, strokes only (no font) ----

    /** One stroke or dot of an icon, in the icon's colour or grey. */
    private record Mark(double[] points, boolean dot, boolean grey) {
    }

    /** The marks of a variation icon: a run of seven points, the last three special (raised or lowered), a letter. */
    private static List<Mark> marks(Variation v) {
        List<Mark> marks = new ArrayList<>();
        boolean special = v != Variation.COMMON_CAUSE;
        boolean low = v.letter.equals("L");
        double[] ys = special ? new double[] {22, 20, 22, 20, 17, 15.5, 14} : new double[] {21, 18, 21, 18, 21, 18, 21};
        double[] line = new double[14];
        for (int i = 0; i < 7; i++) {
            line[2 * i] = 7 + 3 * i;
            line[2 * i + 1] = low ? 38 - ys[i] : ys[i];
        }
        marks.add(new Mark(line, false, true));
        for (int i = 0; i < 7; i++) {
            boolean own = special && i >= 4;
            marks.add(new Mark(new double[] {line[2 * i], line[2 * i + 1]}, true, !own));
        }
        double top = low ? 6 : 5; // the letter above the run (or, for a low, above its dip)
        marks.addAll(letter(v.letter, 16, low ? 10 : top, 5));
        return marks;
    }

    /** The marks of an assurance icon: its letter, large, over a target line. */
    private static List<Mark> marks(Target.Assurance a) {
        List<Mark> marks = new ArrayList<>(letter(a.letter(), 16, 7, 12));
        marks.add(new Mark(new double[] {8, 24, 24, 24}, false, true));
        return marks;
    }

    /** A letter of strokes, centred on x, from y (its top), h high. */
    private static List<Mark> letter(String l, double x, double y, double h) {
        double w = h * 0.6;
        double x0 = x - w / 2;
        double x1 = x + w / 2;
        double mid = y + h / 2;
        double bottom = y + h;
        return switch (l) {
            case "H" -> List.of(stroke(x0, y, x0, bottom), stroke(x1, y, x1, bottom), stroke(x0, mid, x1, mid));
            case "L" -> List.of(new Mark(new double[] {x0, y, x0, bottom, x1, bottom}, false, false));
            case "F" -> List.of(new Mark(new double[] {x1, y, x0, y, x0, bottom}, false, false),
                    stroke(x0, mid, x1 - w * 0.15, mid));
            case "P" -> List.of(new Mark(new double[] {x0, bottom, x0, y, x1 - w * 0.3, y, x1, y + h * 0.12, x1,
                y + h * 0.38, x1 - w * 0.3, mid, x0, mid}, false, false));
            case "?" -> List.of(new Mark(new double[] {x0, y + h * 0.2, x0 + w * 0.25, y, x1 - w * 0.25, y, x1,
                y + h * 0.2, x1, y + h * 0.38, x, y + h * 0.55, x, y + h * 0.75}, false, false),
                    new Mark(new double[] {x, bottom}, true, false));
            default -> List.of();
        };
    }

    private static Mark stroke(double x0, double y0, double x1, double y1) {
        return new Mark(new double[] {x0, y0, x1, y1}, false, false);
    }

    // ---- SVG ----

    static String svg(Variation v) {
        return svg(marks(v), v.colour, v.text);
    }

    static String svg(Target.Assurance a, String text) {
        return svg(marks(a), colour(a), text);
    }

    /** An inline SVG, 24 pixels square, with its text alternative as title and label. */
    private static String svg(List<Mark> marks, String colour, String text) {
        String t = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"mdc-icon\" width=\"24\" height=\"24\" viewBox=\"0 0 32 32\" role=\"img\" aria-label=\"")
                .append(t).append("\"><title>").append(t).append("</title>")
                .append("<circle cx=\"16\" cy=\"16\" r=\"14\" fill=\"#fff\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2.5\"/>");
        for (Mark m : marks) {
            String c = m.grey() ? GREY : colour;
            if (m.dot()) {
                s.append("<circle cx=\"").append(f(m.points()[0])).append("\" cy=\"").append(f(m.points()[1]))
                        .append("\" r=\"1.6\" fill=\"").append(c).append("\"/>");
            } else {
                s.append("<polyline fill=\"none\" stroke=\"").append(c).append("\" stroke-width=\"")
                        .append(m.grey() ? "1" : "2").append("\" stroke-linecap=\"round\" stroke-linejoin=\"round\" ")
                        .append("points=\"");
                for (int i = 0; i < m.points().length; i += 2) {
                    s.append(i == 0 ? "" : " ").append(f(m.points()[i])).append(',').append(f(m.points()[i + 1]));
                }
                s.append("\"/>");
            }
        }
        return s.append("</svg>").toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    // ---- PNG ----

    /** The icon as a PNG of {@code px} pixels square (the same marks, drawn with Java 2D; no font). */
    static byte[] png(Variation v, int px) {
        return png(marks(v), v.colour, px);
    }

    static byte[] png(Target.Assurance a, int px) {
        return png(marks(a), colour(a), px);
    }

    private static byte[] png(List<Mark> marks, String colour, int px) {
        BufferedImage image = new BufferedImage(px, px, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(px / 32.0, px / 32.0);
            Color own = Color.decode(colour);
            Color grey = Color.decode(GREY);
            Ellipse2D circle = new Ellipse2D.Double(2, 2, 28, 28);
            g.setColor(Color.WHITE);
            g.fill(circle);
            g.setColor(own);
            g.setStroke(new BasicStroke(2.5f));
            g.draw(circle);
            for (Mark m : marks) {
                g.setColor(m.grey() ? grey : own);
                double[] p = m.points();
                if (m.dot()) {
                    g.fill(new Ellipse2D.Double(p[0] - 1.6, p[1] - 1.6, 3.2, 3.2));
                } else {
                    g.setStroke(new BasicStroke(m.grey() ? 1f : 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    Path2D path = new Path2D.Double();
                    path.moveTo(p[0], p[1]);
                    for (int i = 2; i < p.length; i += 2) {
                        path.lineTo(p[i], p[i + 1]);
                    }
                    g.draw(path);
                }
            }
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    /** An image as PNG bytes (the icons' and the charts' pictures in the Word paper). */
    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
