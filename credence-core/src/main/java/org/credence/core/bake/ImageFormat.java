package org.credence.core.bake;

/** The image formats Open Badges 3.0 bakes credentials into. */
public enum ImageFormat {
    PNG,
    SVG
}
