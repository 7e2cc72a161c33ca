/** Smaller copies of the figures' images for responsive {@code srcset} (Thumbnailator). */
package org.abierto.images;
