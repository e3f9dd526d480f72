/**
 * A string of its own with the same characters. V8 makes a substring of 13 characters or more as a view of its
 * parent, so a title, a person or a hash cut out of a file's text (or a chunk of git's output) would keep all of it
 * alive for as long as it is kept. Joined to a space, the text is copied into a string of its own, which the slice
 * then views; shorter substrings V8 copies itself. Twice as fast as a JSON round trip.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
