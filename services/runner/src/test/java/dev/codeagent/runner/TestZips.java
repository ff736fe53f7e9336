package dev.codeagent.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Zips as the adapter sends them: files with unix modes, links as link entries. */
public final class TestZips {

    private TestZips() {
    }

    public static Path write(Path target, Map<String, String> files, Map<String, Integer> modes,
            Map<String, String> links) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(bytes(files, modes, links));
        }
        return target;
    }

    public static byte[] bytes(Map<String, String> files, Map<String, Integer> modes, Map<String, String> links)
            throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(buffer)) {
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(file.getKey());
                entry.setUnixMode(modes.getOrDefault(file.getKey(), 0100644));
                zip.putArchiveEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
            for (Map.Entry<String, String> link : links.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(link.getKey());
                entry.setUnixMode(0120777);
                zip.putArchiveEntry(entry);
                zip.write(link.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return buffer.toByteArray();
    }
}
