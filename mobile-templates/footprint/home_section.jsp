<%-- home: the footprint line (new visitors since the list was last opened) --%>
<p class="home-footprints"><a href="<c:url value='/footprints'/>">あしあと</a><c:choose><c:when test="${section.stealth}">（忍び足中）</c:when><c:otherwise>（新着<span class="fresh">${section.freshCount}</span>件）</c:otherwise></c:choose></p>
