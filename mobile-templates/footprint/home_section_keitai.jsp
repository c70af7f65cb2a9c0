<%-- home on keitai: the footprint line --%>
<k:link href="/footprints" key="5">あしあと</k:link><c:choose><c:when test="${section.stealth}">(忍び足中)</c:when><c:otherwise>(新着<span class="fresh">${section.freshCount}</span>)</c:otherwise></c:choose><br />
