package hub.vale;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code Packages} of a {@code .vale.ini} that are local: a folder or a {@code .zip}, relative to the
 * configuration's folder. A package holds styles either at its top ({@code <Style>/*.yml}) or under
 * {@code styles/}, possibly inside one top folder, as {@code vale sync} unpacks them; each such folder is searched
 * for styles after StylesPath. A zip is unpacked once per JVM into a temporary folder. A package named by its
 * registry name or URL is not downloaded (the hub does not run {@code vale sync}): that is a warning, and its
 * styles must already be on StylesPath.
 */
public final class ValePackages {

    private static final Map<Path, Path> UNPACKED = new ConcurrentHashMap<>();

    private ValePackages() {
    }

    /** The folders to search for styles, in order; what cannot be used is added to {@code warnings}. */
    public static List<Path> resolve(Path configDir, List<String> packages, List<String> warnings) {
        List<Path> roots = new ArrayList<>();
        for (String entry : packages) {
            Path path = entry.contains("://") ? null : configDir.resolve(entry).normalize();
            if (path != null && Files.isDirectory(path)) {
                roots.addAll(styleFolders(path));
            } else if (path != null && Files.isRegularFile(path) && entry.toLowerCase().endsWith(".zip")) {
                roots.addAll(styleFolders(UNPACKED.computeIfAbsent(path, ValePackages::unzip)));
            } else {
                warnings.add("Packages entry '" + entry + "' is not a local folder or zip: not downloaded (the hub "
                        + "does not run vale sync); its styles must already be on StylesPath");
            }
        }
        return roots;
    }

    private static List<Path> styleFolders(Path root) {
        List<Path> folders = new ArrayList<>(List.of(root));
        if (Files.isDirectory(root.resolve("styles"))) {
            folders.add(root.resolve("styles"));
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isDirectory(child.resolve("styles"))) {
                    folders.add(child.resolve("styles"));
                }
                folders.add(child);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Vale package " + root, e);
        }
        return folders;
    }

    private static Path unzip(Path zip) {
        try {
            Path target = Files.createTempDirectory("vale-package-");
            target.toFile().deleteOnExit();
            try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                    Path out = target.resolve(e.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IllegalArgumentException("Vale package " + zip + " has an entry outside it: "
                                + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack Vale package " + zip, e);
        }
    }
}
