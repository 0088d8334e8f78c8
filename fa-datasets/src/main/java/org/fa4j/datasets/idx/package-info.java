/**
 * IDX files, the format of MNIST and Fashion-MNIST: {@link org.fa4j.datasets.idx.Idx} reads and writes them (every
 * element type, any rank, raw or gzip), {@link org.fa4j.datasets.idx.IdxArray} holds one file's contents, and
 * {@link org.fa4j.datasets.idx.IdxFormatException} reports a malformed file with its name and the byte offset.
 */
package org.fa4j.datasets.idx;
