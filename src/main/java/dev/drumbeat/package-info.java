/**
 * The composition root: {@code Drumbeat} builds the shared context, lists the features and registers what they
 * declare; {@code Cli} is the command line in front of it and {@code Demo} the zero-setup sandbox. Nothing else may
 * import this package.
 */
package dev.drumbeat;
