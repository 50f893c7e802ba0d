#!/usr/bin/env python3
"""Build an actorgraph over a JSONL corpus with Apache Spark.

The corpus is split into partitions (contiguous runs of lines, in order).
Each partition is written to a file and built by the actorgraph binary
(`actorgraph build PART.jsonl -o WORK/part-NNNNN`); the driver then runs
`actorgraph merge` over the partition folders in partition order, which
gives exactly the files one `actorgraph build` over the whole corpus writes.

Records without an `id` get the id a single build would give them,
`FILE:LINE` (FILE = the corpus file name), so that the evidence files match
too.

    spark-submit --master 'local[2]' scripts/spark/actorgraph_spark.py \
        corpus.jsonl out --binary target/release/actorgraph --partitions 8

See README.md beside this file for running it on a cluster.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL corpus (a path or URL that SparkContext.textFile reads)")
    p.add_argument("out", help="output folder of the merged graph (on the driver)")
    p.add_argument("--binary", default=os.environ.get("ACTORGRAPH_BIN", "actorgraph"),
                   help="actorgraph binary on the executors: a path, a name on PATH, "
                        "or the file name of a binary shipped with spark-submit --files")
    p.add_argument("--partitions", type=int, default=None,
                   help="minimum number of partitions (default: Spark's)")
    p.add_argument("--work", default=None,
                   help="folder for the partition outputs, visible to the driver and every "
                        "executor (default: a temporary folder, fine in local mode)")
    p.add_argument("--format", default="dot,graphml,csv", help="writers, as for actorgraph build")
    p.add_argument("--master", default=None,
                   help="Spark master when run with plain python (spark-submit passes its own)")
    p.add_argument("--keep-work", action="store_true", help="keep the partition outputs")
    return p.parse_args(argv)


def resolve_binary(binary):
    """The binary's path on this machine (an executor): a file shipped with
    --files, a path, or a name on PATH."""
    if os.sep not in binary:
        try:
            from pyspark import SparkFiles
            shipped = SparkFiles.get(binary)
            if os.path.isfile(shipped):
                os.chmod(shipped, 0o755)
                return shipped
        except Exception:
            pass
        found = shutil.which(binary)
        if found:
            return found
    return os.path.abspath(binary) if os.path.exists(binary) else binary


def with_id(line, index, file_name):
    """The record with the id a single build gives it when it has none
    (`FILE:LINE`, 1-based). Lines that are not JSON objects are left as they
    are: the build reports them."""
    try:
        rec = json.loads(line)
    except ValueError:
        return line
    if not isinstance(rec, dict) or "id" in rec:
        return line
    rec["id"] = "%s:%d" % (file_name, index + 1)
    return json.dumps(rec, ensure_ascii=False)


def build_partition(binary, work, fmt):
    def run(index, lines):
        lines = list(lines)
        if not lines:
            return
        exe = resolve_binary(binary)
        part = os.path.join(work, "part-%05d" % index)
        src = part + ".jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for line in lines:
                f.write(line)
                f.write("\n")
        cmd = [exe, "build", src, "-o", part, "--format", fmt, "--jobs", "1", "--quiet"]
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        os.remove(src)
        if done.returncode != 0:
            raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), done.returncode, done.stderr))
        yield index, part, done.stderr
    return run


def main(argv):
    args = parse_args(argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("actorgraph")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    work = args.work or tempfile.mkdtemp(prefix="actorgraph-spark-")
    os.makedirs(work, exist_ok=True)
    try:
        name = os.path.basename(args.input.rstrip("/"))
        if args.partitions:
            lines = sc.textFile(args.input, minPartitions=args.partitions)
        else:
            lines = sc.textFile(args.input)
        records = lines.zipWithIndex().map(lambda li: with_id(li[0], li[1], name))
        parts = records.mapPartitionsWithIndex(build_partition(args.binary, work, args.format)).collect()
        parts.sort()
        for _, _, warnings in parts:
            if warnings:
                sys.stderr.write(warnings)
        if not parts:
            raise SystemExit("actorgraph_spark: no records in %s" % args.input)
        cmd = [resolve_binary(args.binary), "merge"] + [p for _, p, _ in parts]
        cmd += ["-o", args.out, "--format", args.format]
        subprocess.run(cmd, check=True)
        print("actorgraph_spark: %d partitions merged into %s" % (len(parts), args.out))
    finally:
        if not args.keep_work and not args.work:
            shutil.rmtree(work, ignore_errors=True)
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
