<section class="diary-home">
<h2>マイミク最新日記</h2>
<c:if test="${empty section.entries}"><p>まだありません。</p></c:if>
<ul>
<c:forEach items="${section.entries}" var="e">
<li data-diary-id="${e.id}"><a href="<c:url value='/diary/${e.id}'/>"><c:out value="${e.title}"/></a>（<c:out value="${e.authorNickname}"/>） <span style="color:#666"><c:out value="${e.shortWhen}"/></span></li>
</c:forEach>
</ul>
<p><a href="<c:url value='/diary/new'/>">日記を書く</a> | <a href="<c:url value='/members/${section.memberId}/diary'/>">自分の日記</a></p>
</section>
