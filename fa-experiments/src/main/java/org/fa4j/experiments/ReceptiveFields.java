package org.fa4j.experiments;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.fa4j.datasets.Seeds;

/**
 * Fig. S1: the incoming weights of 100 randomly chosen hidden units as 28×28 grey images (white strong positive,
 * black strong negative, each unit scaled by its own max |w|), one 10×10 panel per condition, in one PNG.
 */
final class ReceptiveFields {
    static final int SIDE = 28;
    static final int UNITS = 100;
    static final int ZOOM = 2;

    private ReceptiveFields() {
    }

    /** The hidden units shown: 100 distinct indices out of {@code hidden}, from the seed. */
    static int[] units(int hidden, long seed) {
        int[] all = new int[hidden];
        for (int i = 0; i < hidden; i++) {
            all[i] = i;
        }
        SplittableRandom r = Seeds.random(seed, "figS1-units", 0);
        for (int i = hidden - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, Math.min(UNITS, hidden));
    }

    /** Renders the panels (each a hidden × 784 weight matrix) and saves {@code <dir>/<name>.png}; returns the file name. */
    static String save(Path dir, String name, int hidden, long seed, float[][] weights, String[] labels) {
        return Plots.savePng(render(hidden, seed, weights, labels), dir, name);
    }

    static BufferedImage render(int hidden, long seed, float[][] weights, String[] labels) {
        int[] units = units(hidden, seed);
        int tile = SIDE * ZOOM + 2;
        int panel = 10 * tile;
        int header = 24;
        int cols = 2;
        int rows = (weights.length + 1) / 2;
        int width = cols * panel + (cols + 1) * 12;
        int height = rows * (panel + header) + (rows + 1) * 12;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        for (int p = 0; p < weights.length; p++) {
            int ox = 12 + (p % cols) * (panel + 12);
            int oy = 12 + (p / cols) * (panel + header + 12);
            g.setColor(Color.BLACK);
            g.drawString(labels[p], ox, oy + 17);
            for (int k = 0; k < units.length; k++) {
                int u = units[k];
                float max = 1e-12f;
                for (int i = 0; i < SIDE * SIDE; i++) {
                    max = Math.max(max, Math.abs(weights[p][u * SIDE * SIDE + i]));
                }
                int tx = ox + (k % 10) * tile;
                int ty = oy + header + (k / 10) * tile;
                for (int i = 0; i < SIDE * SIDE; i++) {
                    float v = weights[p][u * SIDE * SIDE + i] / max;
                    int grey = Math.max(0, Math.min(255, Math.round(127.5f + 127.5f * v)));
                    int rgb = (grey << 16) | (grey << 8) | grey;
                    int px = tx + (i % SIDE) * ZOOM;
                    int py = ty + (i / SIDE) * ZOOM;
                    for (int dy = 0; dy < ZOOM; dy++) {
                        for (int dx = 0; dx < ZOOM; dx++) {
                            img.setRGB(px + dx, py + dy, rgb);
                        }
                    }
                }
            }
        }
        g.dispose();
        return img;
    }
}
