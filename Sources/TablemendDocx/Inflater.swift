internal import CLibXML2
import Foundation

/// Raw deflate to bytes with zlib itself (the `inflate` and `crc32` that libxml2 already loads),
/// into one buffer sized from the entry's declared size, with the CRC-32 computed by zlib.
///
/// ZIPFoundation inflates through the same zlib but in 16 KiB `Data` chunks, and on Linux
/// computes the CRC-32 with a table loop in Swift: 19 M instructions of the 2,000-row
/// benchmark's 433 M. The input is bounded by the entry's compressed span, so a stream that
/// runs past it ends as `truncated` rather than looping.
enum Inflater {
  /// Why inflating stopped.
  enum Failure: Error {
    /// The output would pass `cap` bytes.
    case overCap
    /// The deflate stream needs more bytes than its compressed span holds.
    case truncated
    /// zlib reported a damaged stream (its message, when it gave one).
    case damaged(String)
  }

  /// Inflates the raw deflate stream in `source[span]`.
  /// - Parameters:
  ///   - declared: the entry's declared inflated size, used only to size the buffer.
  ///   - cap: the most bytes the output may hold; one more throws `overCap`.
  /// - Returns: The inflated bytes and their CRC-32.
  static func inflate(
    _ source: UnsafeRawBufferPointer, span: Range<Int>, declared: Int, cap: Int
  ) throws(Failure) -> (data: Data, crc: UInt32) {
    var stream = z_stream()
    guard
      inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw .damaged("zlib could not start") }
    defer { inflateEnd(&stream) }
    guard let base = source.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
      throw .truncated
    }
    // One byte more than the cap, so that passing it is seen (a cap overridden to the
    // largest Int cannot be passed).
    let ceiling = cap < Int.max ? max(cap, 0) + 1 : Int.max
    // The declared size sizes the buffer, up to 64 MiB: a small stream that declares a large
    // part does not get a large buffer before it has inflated that much.
    var capacity = max(min(declared, ceiling - 1, 64 << 20) + 1, 64)
    var out = Data(count: capacity)
    var produced = 0
    var consumed = 0
    var result = Z_OK
    while true {
      if stream.avail_in == 0 {
        let take = min(span.count - consumed, 1 << 30)
        stream.next_in = UnsafeMutablePointer(mutating: base + span.lowerBound + consumed)
        stream.avail_in = UInt32(take)
        consumed += take
      }
      if produced == capacity {
        if capacity > cap { throw .overCap }
        let doubled = capacity.multipliedReportingOverflow(by: 2)
        capacity = doubled.overflow ? ceiling : min(doubled.partialValue, ceiling)
        out.count = capacity
      }
      let room = min(capacity - produced, 1 << 30)
      result = out.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Int32 in
        guard let start = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
          return Z_MEM_ERROR
        }
        stream.next_out = start + produced
        stream.avail_out = UInt32(room)
        let code = CLibXML2.inflate(&stream, Z_NO_FLUSH)
        produced += room - Int(stream.avail_out)
        return code
      }
      if produced > cap { throw .overCap }
      if result == Z_STREAM_END { break }
      if result == Z_OK || result == Z_BUF_ERROR {
        // Output full: grow it. Input used up with room left: the span is too short.
        if stream.avail_in == 0 && consumed == span.count && stream.avail_out != 0 {
          throw .truncated
        }
        continue
      }
      throw .damaged(stream.msg.map { String(cString: $0) } ?? "zlib error \(result)")
    }
    out.count = produced
    let crc = out.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> UInt32 in
      let bytes = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
      var crc = crc32(0, nil, 0)
      var offset = 0
      while offset < buffer.count {
        let take = min(buffer.count - offset, 1 << 30)
        crc = crc32(crc, bytes.map { $0 + offset }, uInt(take))
        offset += take
      }
      return UInt32(truncatingIfNeeded: crc)
    }
    return (out, crc)
  }

  /// Why inflating into pieces stopped: the stream, or what the pieces' reader threw.
  enum PieceFailure: Error {
    case inflate(Failure)
    case reader(DocxError)
  }

  /// `inflate` handing the output to `body` in pieces of at most `piece` bytes as it is
  /// inflated, keeping none of it (a 50 MB worksheet is parsed while it is inflated, never
  /// held whole); the same cap and end-of-span checks.
  /// - Returns: How many bytes were inflated and their CRC-32.
  static func inflate(
    _ source: UnsafeRawBufferPointer, span: Range<Int>, cap: Int, piece: Int = 256 << 10,
    into body: (UnsafeRawBufferPointer) throws(DocxError) -> Void
  ) throws(PieceFailure) -> (count: Int, crc: UInt32) {
    var stream = z_stream()
    guard
      inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw .inflate(.damaged("zlib could not start")) }
    defer { inflateEnd(&stream) }
    guard let base = source.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
      throw .inflate(.truncated)
    }
    let size = max(piece, 64)
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    defer { buffer.deallocate() }
    var total = 0
    var consumed = 0
    var crc = crc32(0, nil, 0)
    while true {
      if stream.avail_in == 0 {
        let take = min(span.count - consumed, 1 << 30)
        stream.next_in = UnsafeMutablePointer(mutating: base + span.lowerBound + consumed)
        stream.avail_in = UInt32(take)
        consumed += take
      }
      stream.next_out = buffer
      stream.avail_out = UInt32(size)
      let result = CLibXML2.inflate(&stream, Z_NO_FLUSH)
      let produced = size - Int(stream.avail_out)
      if produced > 0 {
        total += produced
        if total > cap { throw .inflate(.overCap) }
        crc = crc32(crc, buffer, uInt(produced))
        do {
          try body(UnsafeRawBufferPointer(start: buffer, count: produced))
        } catch {
          throw .reader(error)
        }
      }
      if result == Z_STREAM_END { break }
      if result == Z_OK || result == Z_BUF_ERROR {
        // Input used up with room left for output: the span is too short.
        if stream.avail_in == 0 && consumed == span.count && stream.avail_out != 0 {
          throw .inflate(.truncated)
        }
        continue
      }
      throw .inflate(.damaged(stream.msg.map { String(cString: $0) } ?? "zlib error \(result)"))
    }
    return (total, UInt32(truncatingIfNeeded: crc))
  }
}
