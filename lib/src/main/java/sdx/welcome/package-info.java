/** The welcome notebook's first exercise and its hidden checks. */
package sdx.welcome;
