/** Measurement of Abierto's speed: a synthetic corpus, JMH benchmarks of the pipeline's stages, and profile summaries. */
package org.abierto.bench;
