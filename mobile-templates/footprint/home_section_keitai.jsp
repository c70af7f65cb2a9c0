<%-- home on keitai: the footprint line (the home menu's key 5 jumps here) --%>
<a href="<c:url value='/footprints'/>">あしあと</a><c:choose><c:when test="${section.stealth}">(忍び足中)</c:when><c:otherwise>(新着<span class="fresh">${section.freshCount}</span>)</c:otherwise></c:choose><br />
