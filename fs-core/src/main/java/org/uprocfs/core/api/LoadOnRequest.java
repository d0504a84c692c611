package org.uprocfs.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a module that a mount loads only when named ({@code --modules}), such as a test fixture;
 * read from the class, so finding it out creates no instance.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LoadOnRequest {
}
