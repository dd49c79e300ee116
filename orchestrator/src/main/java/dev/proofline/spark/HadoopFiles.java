package dev.proofline.spark;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * Files named by Hadoop URIs ({@code hdfs:}, {@code s3a:} where its connector is on the class path, {@code file:}),
 * for a Spark check whose inputs or results live on a cluster's file system. The driver works on local copies:
 * inputs are fetched before the run, results put back after it. Loaded only with Spark's jars.
 */
public final class HadoopFiles {
    /** Read from Hadoop's resources once per JVM: the driver's staging poll asks for a file system every second. */
    private static final Configuration CONF = configuration();

    private HadoopFiles() {}

    private static Configuration configuration() {
        Configuration conf = new Configuration();
        // no checksum files beside local files: a staging file being written has none yet to read
        conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    static FileSystem fileSystem(String uri) throws IOException {
        return FileSystem.get(URI.create(uri), CONF);
    }

    /** Copies the file or folder at {@code uri} to {@code local}, which must not exist yet. */
    public static void fetch(String uri, java.nio.file.Path local) throws IOException {
        FileSystem fs = fileSystem(uri);
        Path from = new Path(uri);
        if (!fs.exists(from)) {
            throw new java.io.FileNotFoundException("no such file or folder: " + uri);
        }
        FileUtil.copy(fs, from, new java.io.File(local.toString()), false, fs.getConf());
    }

    /** Copies the local file {@code local} to {@code uri}, replacing what is there. */
    public static void put(java.nio.file.Path local, String uri) throws IOException {
        fileSystem(uri).copyFromLocalFile(false, true, new Path(local.toString()), new Path(uri));
    }

    public static boolean exists(String uri) throws IOException {
        return fileSystem(uri).exists(new Path(uri));
    }

    /** Whether the folder that would hold {@code uri} exists (a root has none to miss). */
    public static boolean parentExists(String uri) throws IOException {
        Path parent = new Path(uri).getParent();
        return parent == null || fileSystem(uri).exists(parent);
    }
}
