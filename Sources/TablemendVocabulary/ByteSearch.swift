extension String {
  /// True when `word` occurs in the string, compared byte by byte in UTF-8 (the vocabulary's
  /// words are compared after folding, so no Unicode equivalence is needed here, and
  /// Foundation's locale-aware search costs a hundred times more).
  public func has(_ word: String) -> Bool {
    var hay = self
    var needle = word
    return hay.withUTF8 { h in
      needle.withUTF8 { n in
        guard !n.isEmpty else { return true }
        guard n.count <= h.count else { return false }
        let first = n[0]
        var i = 0
        let last = h.count - n.count
        while i <= last {
          if h[i] == first {
            var j = 1
            while j < n.count && h[i + j] == n[j] { j += 1 }
            if j == n.count { return true }
          }
          i += 1
        }
        return false
      }
    }
  }
}
