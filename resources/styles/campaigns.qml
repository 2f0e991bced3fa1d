<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Fields|Forms|AttributeTable|CustomProperties|Relations">
 <customproperties>
  <Option/>
 </customproperties>
 <referencedLayers/>
 <fieldConfiguration>
  <field name="fid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="uuid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="name" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="year" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="2100"/>
      <Option type="int" name="Min" value="1990"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="start_date" configurationFlags="None">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option type="bool" name="allow_null" value="true"/>
      <Option type="bool" name="calendar_popup" value="true"/>
      <Option type="QString" name="display_format" value="dd/MM/yyyy"/>
      <Option type="QString" name="field_format" value="yyyy-MM-dd"/>
      <Option type="bool" name="field_iso_format" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="end_date" configurationFlags="None">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option type="bool" name="allow_null" value="true"/>
      <Option type="bool" name="calendar_popup" value="true"/>
      <Option type="QString" name="display_format" value="dd/MM/yyyy"/>
      <Option type="QString" name="field_format" value="yyyy-MM-dd"/>
      <Option type="bool" name="field_iso_format" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="state" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="Ouverte" value="open"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Close" value="closed"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="notes" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="true"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="perimeter" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="closed_at" configurationFlags="None">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option type="bool" name="allow_null" value="true"/>
      <Option type="bool" name="calendar_popup" value="true"/>
      <Option type="QString" name="display_format" value="dd/MM/yyyy HH:mm"/>
      <Option type="QString" name="field_format" value="yyyy-MM-ddTHH:mm:ss"/>
      <Option type="bool" name="field_iso_format" value="true"/>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias name="fid" field="fid" index="0"/>
  <alias name="Identifiant" field="uuid" index="1"/>
  <alias name="Nom" field="name" index="2"/>
  <alias name="Année" field="year" index="3"/>
  <alias name="Début" field="start_date" index="4"/>
  <alias name="Fin" field="end_date" index="5"/>
  <alias name="État" field="state" index="6"/>
  <alias name="Notes" field="notes" index="7"/>
  <alias name="Périmètre" field="perimeter" index="8"/>
  <alias name="Close le" field="closed_at" index="9"/>
 </aliases>
 <defaults>
  <default expression="" field="fid" applyOnUpdate="0"/>
  <default expression="uuid('WithoutBraces')" field="uuid" applyOnUpdate="0"/>
  <default expression="" field="name" applyOnUpdate="0"/>
  <default expression="year(now())" field="year" applyOnUpdate="0"/>
  <default expression="" field="start_date" applyOnUpdate="0"/>
  <default expression="" field="end_date" applyOnUpdate="0"/>
  <default expression="'open'" field="state" applyOnUpdate="0"/>
  <default expression="" field="notes" applyOnUpdate="0"/>
  <default expression="" field="perimeter" applyOnUpdate="0"/>
  <default expression="" field="closed_at" applyOnUpdate="0"/>
 </defaults>
 <constraints>
  <constraint unique_strength="1" exp_strength="0" field="fid" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="1" exp_strength="0" field="uuid" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="1" exp_strength="1" field="name" notnull_strength="1" constraints="7"/>
  <constraint unique_strength="0" exp_strength="0" field="year" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="start_date" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="end_date" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="state" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="notes" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="perimeter" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="closed_at" notnull_strength="0" constraints="0"/>
 </constraints>
 <constraintExpressions>
  <constraint desc="" field="fid" exp=""/>
  <constraint desc="" field="uuid" exp=""/>
  <constraint desc="Donnez un nom à la campagne." field="name" exp="length(trim(&quot;name&quot;)) > 0"/>
  <constraint desc="" field="year" exp=""/>
  <constraint desc="" field="start_date" exp=""/>
  <constraint desc="La fin de la campagne précède son début." field="end_date" exp="&quot;end_date&quot; IS NULL OR &quot;start_date&quot; IS NULL OR &quot;end_date&quot; >= &quot;start_date&quot;"/>
  <constraint desc="" field="state" exp=""/>
  <constraint desc="" field="notes" exp=""/>
  <constraint desc="" field="perimeter" exp=""/>
  <constraint desc="" field="closed_at" exp=""/>
 </constraintExpressions>
 <expressionfields/>
 <attributetableconfig sortOrder="0" sortExpression="" actionWidgetStyle="dropDown">
  <columns/>
 </attributetableconfig>
 <conditionalstyles>
  <rowstyles/>
  <fieldstyles/>
 </conditionalstyles>
 <storedexpressions/>
 <editform tolerant="1"/>
 <editforminit/>
 <editforminitcodesource>0</editforminitcodesource>
 <editforminitfilepath/>
 <editforminitcode><![CDATA[]]></editforminitcode>
 <featformsuppress>0</featformsuppress>
 <editorlayout>tablayout</editorlayout>
 <attributeEditorForm>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Identification" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="name" showLabel="1" index="2"/>
   <attributeEditorField name="year" showLabel="1" index="3"/>
   <attributeEditorField name="start_date" showLabel="1" index="4"/>
   <attributeEditorField name="end_date" showLabel="1" index="5"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Suivi" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="state" showLabel="1" index="6"/>
   <attributeEditorField name="closed_at" showLabel="1" index="9"/>
   <attributeEditorField name="perimeter" showLabel="1" index="8"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Notes" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="notes" showLabel="1" index="7"/>
  </attributeEditorContainer>
 </attributeEditorForm>
 <editable>
  <field editable="0" name="closed_at"/>
  <field editable="1" name="end_date"/>
  <field editable="0" name="fid"/>
  <field editable="1" name="name"/>
  <field editable="1" name="notes"/>
  <field editable="0" name="perimeter"/>
  <field editable="1" name="start_date"/>
  <field editable="1" name="state"/>
  <field editable="0" name="uuid"/>
  <field editable="1" name="year"/>
 </editable>
 <labelOnTop/>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <layerGeometryType>4</layerGeometryType>
</qgis>

