/// A shell-style file name pattern, as given to `--include` and `--exclude`.
///
/// - `*` matches any run of characters except `/`;
/// - `**` matches any run of characters including `/` (`**/` also matches nothing, so
///   `**/x.txt` matches `x.txt` at the top too);
/// - `?` matches one character except `/`;
/// - `[abc]`, `[a-z]`, `[!abc]` match one character of (or not of) a set.
///
/// A pattern without `/` is matched against the file name alone (`*.txt` matches at any
/// depth); a pattern with `/` is matched against the path relative to the walked folder.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  private let characters: [Character]
  private let matchesNameOnly: Bool

  /// Makes a glob from `pattern`.
  public init(_ pattern: String) {
    var trimmed = pattern
    while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
    self.pattern = pattern
    self.characters = Array(trimmed)
    self.matchesNameOnly = !trimmed.contains("/")
  }

  public var description: String { pattern }

  /// Whether the file or folder at `relativePath` (components separated by `/`) matches.
  public func matches(_ relativePath: String) -> Bool {
    let subject: Substring
    if matchesNameOnly, let slash = relativePath.lastIndex(of: "/") {
      subject = relativePath[relativePath.index(after: slash)...]
    } else {
      subject = relativePath[...]
    }
    return Glob.match(characters[...], Array(subject)[...])
  }

  private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>)
    -> Bool
  {
    guard let first = pattern.first else { return text.isEmpty }
    switch first {
    case "*":
      let rest = pattern.dropFirst()
      if rest.first == "*" {
        let after = rest.dropFirst()
        if after.isEmpty { return true }
        // `**/` may also match no folder at all.
        if after.first == "/", match(after.dropFirst(), text) { return true }
        var t = text
        while true {
          if match(after, t) { return true }
          guard !t.isEmpty else { return false }
          t = t.dropFirst()
        }
      }
      var t = text
      while true {
        if match(rest, t) { return true }
        guard let c = t.first, c != "/" else { return false }
        t = t.dropFirst()
      }
    case "?":
      guard let c = text.first, c != "/" else { return false }
      return match(pattern.dropFirst(), text.dropFirst())
    case "[":
      guard let c = text.first, c != "/",
        let (matched, rest) = matchSet(pattern.dropFirst(), c)
      else {
        // An unclosed `[` is an ordinary character.
        guard text.first == "[" else { return false }
        return match(pattern.dropFirst(), text.dropFirst())
      }
      return matched && match(rest, text.dropFirst())
    default:
      guard text.first == first else { return false }
      return match(pattern.dropFirst(), text.dropFirst())
    }
  }

  /// Matches `c` against the set that starts after `[`; nil when the set has no `]`.
  private static func matchSet(_ set: ArraySlice<Character>, _ c: Character)
    -> (Bool, ArraySlice<Character>)?
  {
    var s = set
    var negate = false
    if s.first == "!" || s.first == "^" {
      negate = true
      s = s.dropFirst()
    }
    var found = false
    var firstItem = true
    while let item = s.first {
      if item == "]" && !firstItem {
        return (found != negate, s.dropFirst())
      }
      firstItem = false
      s = s.dropFirst()
      if s.first == "-", s.count >= 2, let upper = s.dropFirst().first, upper != "]" {
        if item <= c && c <= upper { found = true }
        s = s.dropFirst(2)
      } else if item == c {
        found = true
      }
    }
    return nil
  }
}
