/**
 * The argument checks every Stockroom package shares, and how a caller's value appears in a
 * message. Not part of the API: these classes may change in any release.
 */
package dev.stockroom.validation;
